using System;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class DailyJobTests
{
    private static readonly ProfessionalId Coordinator = new(211);

    [Fact]
    public async Task The_jobs_are_due_at_two_at_night_in_amsterdam_and_archive_the_signals_whose_active_period_ended()
    {
        using var scenario = new HostScenario();
        // Registered two years before the first night, so their active period ends on the day that night begins.
        scenario.WriteSignalsBeforehand(Instant.FromUtc(2024, 11, 24, 12, 0));
        using var host = scenario.Build();
        await host.StartAsync();
        var index = host.Services.GetRequiredService<ReferenceIndex>();

        var first = await scenario.Timer.NextRequestAsync();
        Assert.Equal(Instant.FromUtc(2026, 11, 24, 1, 0), first);
        Assert.Equal(2, index.ActiveSignalCount);

        var second = await scenario.Timer.FireAndWaitForNextAsync();

        Assert.Equal(Instant.FromUtc(2026, 11, 25, 1, 0), second);
        Assert.Equal((0, 2), (index.ActiveSignalCount, index.ArchivedSignalCount));
        Assert.Equal("Expiry for 2026-11-24: 2 signals archived, 0 removed at the age limit, 0 deleted from the archive", Assert.Single(scenario.Logs.Of(4)).Message);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_stalled_plan_climbs_the_escalation_ladder_on_the_night_its_grace_period_ends()
    {
        using var scenario = new HostScenario();
        using var host = scenario.Build();
        await host.StartAsync();
        DraftPlanWithActionDueInAWeek(host.Services);

        await scenario.Timer.NextRequestAsync();
        for (var night = 1; night <= 15; night++)
        {
            await scenario.Timer.FireAndWaitForNextAsync();
        }

        var plans = host.Services.GetRequiredService<PlanBook>();
        Assert.Equal(1, plans.GetOverview().PlansEverEscalated);
        Assert.Equal(15, scenario.Logs.Of(5).Count());
        Assert.Single(scenario.Logs.Of(5), e => e.Message.EndsWith(": 1 plans moved on the escalation ladder", StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_job_that_fails_is_logged_the_other_jobs_still_run_and_the_next_night_is_scheduled()
    {
        using var scenario = new HostScenario();
        // Registered two years before the first night, so their active period ends on the day that night begins.
        scenario.WriteSignalsBeforehand(Instant.FromUtc(2024, 11, 24, 12, 0));
        using var host = scenario.Build(services => services.AddSingleton<IReferenceIndexObserver>(new FailingOnArchive()));
        await host.StartAsync();

        await scenario.Timer.NextRequestAsync();
        var next = await scenario.Timer.FireAndWaitForNextAsync();

        Assert.Equal(Instant.FromUtc(2026, 11, 25, 1, 0), next);
        var failure = Assert.Single(scenario.Logs.Of(7));
        Assert.Equal("The daily job expiry failed for 2026-11-24; the other jobs still run, and it runs again the next day", failure.Message);
        Assert.Contains(nameof(FailingOnArchive), failure.Exception, StringComparison.Ordinal);
        Assert.Single(scenario.Logs.Of(5));
        var live = await HostScenario.CheckAsync(host, CareCoordination.Sdk.Hosting.CareCoordinationHealthChecks.LiveTag);
        Assert.Equal(HealthStatus.Degraded, live.Status);
        Assert.Equal("The daily jobs of 2026-11-24 did not all succeed: expiry (see the log).", live.Entries[CareCoordination.Sdk.Hosting.CareCoordinationHealthChecks.LiveCheck].Description);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_audit_trail_is_purged_past_the_configured_retention()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:DailyJobs:AuditRetentionInMonths"] = "60";
        using var host = scenario.Build();
        await host.StartAsync();

        await scenario.Timer.NextRequestAsync();
        await scenario.Timer.FireAndWaitForNextAsync();

        Assert.Equal("Audit retention for 2026-11-24: 0 records before 2021-11-23T23:00:00Z purged", Assert.Single(scenario.Logs.Of(6)).Message);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("02:00", "2027-07-01T12:00:00Z", "2027-07-02T00:00:00Z")]
    [InlineData("02:30", "2027-03-27T12:00:00Z", "2027-03-28T01:30:00Z")]
    [InlineData("02:30", "2027-10-30T12:00:00Z", "2027-10-31T00:30:00Z")]
    [InlineData("23:59", "2027-01-01T22:59:00Z", "2027-01-02T22:59:00Z")]
    public void The_next_run_is_the_time_of_day_in_the_regions_time_zone_across_clock_changes(string timeOfDay, string after, string expected)
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:DailyJobs:TimeOfDay"] = timeOfDay;
        using var host = scenario.Build();
        var jobs = host.Services.GetRequiredService<CareCoordinationDailyJobs>();

        var due = jobs.NextRunAfter(NodaTime.Text.InstantPattern.General.Parse(after).Value);

        Assert.Equal(expected, NodaTime.Text.InstantPattern.General.Format(due));
    }

    private static void DraftPlanWithActionDueInAWeek(IServiceProvider services)
    {
        var desk = services.GetRequiredService<CoordinationDesk>();
        var access = services.GetRequiredService<PersonDataAccess>();
        var family = Family.Create(new FamilyId(1), TestBsns.Generate(2, seed: 11), TestBsns.Generate(1, seed: 12));
        access.AddOrReplaceFamily(new Actor("brp-feed", ActorRole.PopulationRegisterFeed, TestRegion.YouthAndFamilyCentre, null, "brp-koppeling"), family);
        desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), Coordinator, TestRegion.SocialWork, TrainingLevel.General, 4m));
        var intake = new Actor("cjg-professional", ActorRole.Reporter, TestRegion.YouthAndFamilyCentre, TestRegion.ReporterOf(TestRegion.YouthAndFamilyCentre), "vendor client");
        var id = access.TakeIn(intake, CaseIntake.ForFamily(IntakeRoute.YouthAndFamilyCentre, family, TestRegion.YouthAndFamilyCentre)).Case;
        access.AssessCase(intake, id, new CaseAssessment(ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt, safetyThreatened: false));
        access.AssignCoordinator(new Actor("zorgregisseur", ActorRole.CoordinationDirector, TestRegion.YouthAndFamilyCentre, null, "vendor client"), id).ThrowIfRefused();
        var coordinator = new Actor("coordinator", ActorRole.Coordinator, TestRegion.SocialWork, Coordinator, "vendor client");
        var plan = access.DraftPlan(coordinator, id);
        var due = services.GetRequiredService<PlanBook>().Today.PlusDays(7);
        access.ChangePlan(coordinator, id, plan.Version, (p, by, at) => p
            .SetGoal("Debts in order", by, at)
            .AgreeAction(1, ActionKind.Help, "Debt counselling intake", TestRegion.SocialWork, new ProfessionalId(212), due, by, at));
    }

    private sealed class FailingOnArchive : IReferenceIndexObserver
    {
        public void OnSignalArchived(in SignalArchived e) => throw new InvalidOperationException(nameof(FailingOnArchive));
    }
}
