using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Facility;

public sealed class FacilitatedSignalDeskTests
{
    private static readonly LocalDate Born = IndexScenario.Today.PlusYears(-4);
    private static readonly IdentifyingDetails Details = new("de Boer", Born, Sex.Male, "1234AB", 5);

    private static FacilitatedSignal Through(Sdk.Organisations.OrganisationId organisation, IdentifyingDetails details) =>
        new(details, organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems);

    [Fact]
    public async Task The_facility_attaches_the_BSN_and_the_signal_matches_on_it()
    {
        var scenario = new IndexScenario();
        var facility = new FakeBsnFacility().Add(TestBsns.First, "De Boer", Born, Sex.Male, "1234AB", 5);
        scenario.Register(TestRegion.YouthHealthCare, new Youth(TestBsns.First, Born));
        var desk = new FacilitatedSignalDesk(scenario.Index, facility);

        var answer = await desk.SubmitAsync(Through(TestRegion.School, Details));

        Assert.Equal(RegistrationOutcome.Registered, answer.Outcome);
        Assert.True(answer.IsIdentified);
        var match = Assert.Single(answer.Matches);
        Assert.Equal(TestRegion.YouthHealthCare, match.OtherOrganisation);
        Assert.False(match.ConcernsAnotherYouth);
        Assert.Equal(2, scenario.Index.GetActiveSignals(TestBsns.First).Count);
        Assert.Equal(1, facility.Lookups);
    }

    [Fact]
    public async Task No_answer_to_the_reporter_holds_the_BSN()
    {
        var scenario = new IndexScenario();
        var desk = new FacilitatedSignalDesk(scenario.Index, new FakeBsnFacility().Add(TestBsns.First, "de Boer", Born, Sex.Male));

        var answer = await desk.SubmitAsync(Through(TestRegion.School, Details));

        var types = typeof(FacilitatedAnswer).GetProperties().Select(p => p.PropertyType)
            .Concat(typeof(FacilitatedMatch).GetProperties().Select(p => p.PropertyType));
        Assert.DoesNotContain(types, t => t == typeof(Bsn) || t == typeof(Youth) || t == typeof(Match) || t == typeof(Signal) || t == typeof(SubstituteNumber));
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), answer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Boer", Details.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_that_fit_nobody_are_refused_with_a_message_unless_a_substitute_number_may_be_used()
    {
        var scenario = new IndexScenario();
        var facility = new FakeBsnFacility();

        var refused = await new FacilitatedSignalDesk(scenario.Index, facility).SubmitAsync(Through(TestRegion.School, Details));
        var substituted = await new FacilitatedSignalDesk(scenario.Index, facility, new SubstituteNumberRegister()).SubmitAsync(Through(TestRegion.School, Details));

        Assert.True(refused.IsRefused);
        Assert.Contains("BSN", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, refused.Signal.Value);
        Assert.Equal(RegistrationOutcome.Registered, substituted.Outcome);
        Assert.False(substituted.IsIdentified);
        Assert.Single(scenario.Index.GetActiveSignals(SubstituteNumber.Derive("de Boer", Born, Sex.Male).AsIndexKey()));
    }

    [Fact]
    public async Task Two_people_who_fit_the_details_are_not_guessed_between()
    {
        var scenario = new IndexScenario();
        var facility = new FakeBsnFacility().Add(TestBsns.First, "de Boer", Born, Sex.Male).Add(TestBsns.Second, "de Boer", Born, Sex.Male);

        var answer = await new FacilitatedSignalDesk(scenario.Index, facility).SubmitAsync(Through(TestRegion.School, new IdentifyingDetails("de Boer", Born, Sex.Male)));

        Assert.True(answer.IsRefused);
        Assert.Equal(0, scenario.Index.ActiveSignalCount);
    }

    [Fact]
    public async Task A_cancelled_lookup_registers_nothing()
    {
        var scenario = new IndexScenario();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await new FacilitatedSignalDesk(scenario.Index, new FakeBsnFacility()).SubmitAsync(Through(TestRegion.School, Details), cancelled.Token));
        Assert.Equal(0, scenario.Index.ActiveSignalCount);
    }
}
