using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Notifications.Notices;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Extensions.DependencyInjection.Tests;

/// <summary>The rules around the index that a host gets from <c>AddCareCoordination</c>: moves, match follow-up and substitute numbers, kept in the host's store.</summary>
public sealed class VerwijsindexServicesRegistrationTests
{
    private static readonly MunicipalityCode Utrecht = MunicipalityCode.FromNumber(344);
    private static readonly MunicipalityCode Zeist = MunicipalityCode.FromNumber(355);
    private static readonly Youth Sam = new(TestBsns.First, new LocalDate(2016, 3, 1));
    private static readonly Actor PopulationRegisterFeed = new("brp-feed", ActorRole.PopulationRegisterFeed, TestRegion.YouthAndFamilyCentre, null, "brp-koppeling");

    [Fact]
    public void A_move_to_another_municipality_reaches_the_reporters_and_the_configured_match_coordinator_and_survives_a_restart()
    {
        var store = new InMemoryCareCoordinationStore();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var coordinator = TestRegion.YouthAndFamilyCentre;
        using (var services = Build(store, clock, coordinator))
        {
            var index = services.GetRequiredService<ReferenceIndex>();
            var access = services.GetRequiredService<PersonDataAccess>();
            access.AddOrReplaceFamily(PopulationRegisterFeed, Family.Create(new FamilyId(1), [Sam.Bsn], [], AddressKey.Create("3511AB", 1), Utrecht));
            index.Register(new SignalRegistration(Sam, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout)).ThrowIfRefused();
            index.Register(new SignalRegistration(Sam, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), ReportingCriterion.FinancialProblems)).ThrowIfRefused();
            access.AddOrReplaceFamily(PopulationRegisterFeed, Family.Create(new FamilyId(1), [Sam.Bsn], [], AddressKey.Create("3701AB", 2), Zeist));
        }

        using var restarted = Build(store, clock, coordinator);
        var notices = restarted.GetRequiredService<MoveNotices>();
        Assert.Single(notices.Read(TestRegion.School));
        Assert.Single(notices.Read(TestRegion.SocialWork));
        var toZeist = Assert.Single(notices.Read(coordinator));
        Assert.Equal((MoveNoticeRecipient.MunicipalMatchCoordinator, Zeist), (toZeist.Recipient, toZeist.ToMunicipality));
        Assert.Empty(notices.ReadForMunicipality(Zeist));
        Assert.Equal(2, toZeist.Signals.Count);
    }

    [Fact]
    public void A_match_is_followed_up_in_the_book_and_a_substitute_number_is_issued_once_both_kept_in_the_store()
    {
        var store = new InMemoryCareCoordinationStore();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        SignalId first, second;
        SubstituteNumber issued;
        using (var services = Build(store, clock, TestRegion.YouthAndFamilyCentre))
        {
            var index = services.GetRequiredService<ReferenceIndex>();
            first = index.Register(new SignalRegistration(Sam, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout)).Signal.Id;
            second = index.Register(new SignalRegistration(Sam, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), ReportingCriterion.FinancialProblems)).Signal.Id;
            services.GetRequiredService<MatchFollowUpBook>().RecordCentralContact(second, first, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork));
            issued = services.GetRequiredService<SubstituteNumberRegister>().Issue("Yilmaz", new LocalDate(2019, 2, 1), Sex.Female);
        }

        using var restarted = Build(store, clock, TestRegion.YouthAndFamilyCentre);
        Assert.NotNull(restarted.GetRequiredService<MatchFollowUpBook>().Find(second, first)?.CentralContact);
        Assert.Equal(issued, restarted.GetRequiredService<SubstituteNumberRegister>().Issue("Yilmaz", new LocalDate(2019, 2, 1), Sex.Female));
    }

    [Fact]
    public void The_municipal_match_coordinators_bind_from_configuration_and_a_bad_code_stops_the_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CareCoordination:Policy:MunicipalMatchCoordinators:355"] = "7",
        }).Build();
        using var provider = new ServiceCollection()
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(configuration.GetSection("CareCoordination"))
            .BuildServiceProvider();

        Assert.Equal(new Organisations.OrganisationId(7), provider.GetRequiredService<Regions.RegionPolicy>().MunicipalMatchCoordinators[Zeist]);
        var error = Assert.Throws<Regions.InvalidRegionPolicyException>(() => Regions.RegionPolicy.Create(new Regions.RegionPolicyOptions { MunicipalMatchCoordinators = { [10_000] = 7 } }));
        Assert.Contains("MunicipalMatchCoordinators", error.Message, System.StringComparison.Ordinal);
    }

    private static ServiceProvider Build(InMemoryCareCoordinationStore store, IClock clock, Organisations.OrganisationId zeistCoordinator) =>
        new ServiceCollection()
            .AddSingleton<Storage.ISignalStore>(store)
            .AddSingleton(clock)
            .AddSingleton(TestRegion.CreateDirectory())
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddSingleton<Privacy.Audit.IAuditCheckpointSink>(new Privacy.Audit.TextWriterAuditCheckpointSink(System.IO.TextWriter.Null))
            .AddCareCoordination(options => options.Policy.MunicipalMatchCoordinators[Zeist.Value] = zeistCoordinator.Value)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
}
