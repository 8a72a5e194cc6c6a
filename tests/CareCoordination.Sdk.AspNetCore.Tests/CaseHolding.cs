using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>Who holds case 1 in the tests that need a case holder.</summary>
internal static class CaseHolding
{
    /// <summary>
    /// A case holder comes from an organisation involved in the case: the youth and family centre signals on Sam too,
    /// then its professional — the care coordinator role of the tests — holds case 1, and R3 lets it in.
    /// </summary>
    public static void ByTheYouthAndFamilyCentre(ServiceFactory service)
    {
        var centre = TestRegion.YouthAndFamilyCentre;
        var signalled = service.Services.GetRequiredService<ReferenceIndex>().Register(new SignalRegistration(
            new Youth(Bsn.Parse(Http.Sam), new LocalDate(2017, 4, 12)), centre, TestRegion.ReporterOf(centre), ReportingCriterion.SeriousUpbringingProblems));
        Assert.False(signalled.IsRefused, signalled.Message);
        service.Services.GetRequiredService<PersonDataAccess>().NameCaseHolder(new Actor("cjg-professional", ActorRole.Reporter, centre, TestRegion.ReporterOf(centre), "test setup"), new CaseId(1));
    }
}
