using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.Client;

public sealed class CareCoordinationClientTests
{
    private static readonly Youth Sam = new(TestBsns.First, new LocalDate(2017, 4, 12));

    [Fact]
    public async Task A_vendor_registers_through_the_client_and_a_retry_with_the_same_key_gets_the_first_receipt()
    {
        using var service = new ServiceFactory();
        using var provider = ClientOf(service, Role.ReporterOfTheOrganisation);
        var client = provider.GetRequiredService<CareCoordinationClient>();

        var first = await client.RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.SchoolAbsenceOrDropout), "outbox-17");
        var retry = await client.RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.SchoolAbsenceOrDropout), "outbox-17");

        Assert.Equal(RegistrationOutcome.Registered, first.Outcome);
        Assert.Equal(first, retry);
        Assert.Equal(TestRegion.School, first.Organisation);
        Assert.Equal(ServiceFactory.Start, first.RegisteredAt);
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task The_client_reads_the_feed_after_its_cursor_registers_batches_and_withdraws()
    {
        using var service = new ServiceFactory();
        using var school = ClientOf(service, Role.ReporterOfTheOrganisation);
        using var socialWork = ClientOf(service, Role.ReporterOfAnotherOrganisation);
        var client = school.GetRequiredService<CareCoordinationClient>();
        await client.RegisterBatchAsync([new SignalToRegister(Sam, ReportingCriterion.SchoolAbsenceOrDropout)], "batch-1");
        await socialWork.GetRequiredService<CareCoordinationClient>().RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.FinancialProblems), "sw-1");

        var page = await client.ReadNotificationsAsync(0, 100, TimeSpan.Zero);
        var rest = await client.ReadNotificationsAsync(page.Cursor, 100, TimeSpan.Zero);
        await client.WithdrawAsync(Sam.Bsn, WithdrawalReason.RiskGone, "withdrawal-1");
        await client.WithdrawAsync(Sam.Bsn, WithdrawalReason.RiskGone, "withdrawal-1");

        var notification = Assert.Single(page.Notifications, n => n.Role == Matching.NotificationRecipientRole.Reporter);
        Assert.Equal(TestRegion.SocialWork, notification.OtherParties.Single().Organisation);
        Assert.Empty(rest.Notifications);
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task A_refusal_reaches_the_vendor_as_an_exception_with_the_status_detail_and_rule()
    {
        using var service = new ServiceFactory();
        using var provider = ClientOf(service, Role.Auditor);

        var refused = await Assert.ThrowsAsync<CareCoordinationApiException>(() => provider.GetRequiredService<CareCoordinationClient>().RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.Crime), "k"));

        Assert.Equal((403, "S1 registering"), (refused.Status, refused.Rule));
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_works_a_case_and_its_plan_through_the_client_from_case_holder_to_a_reviewed_goal()
    {
        using var service = await CaseWorkEndpointsTests.MatchedAsync();
        using var schoolProvider = ClientOf(service, Role.CoordinatorOfTheSchool);
        using var directorProvider = ClientOf(service, Role.Director);
        using var coordinatorProvider = ClientOf(service, Role.CareCoordinator);
        using var feedProvider = ClientOf(service, Role.PopulationRegisterFeed);
        var school = schoolProvider.GetRequiredService<CareCoordinationClient>();
        var coordinator = coordinatorProvider.GetRequiredService<CareCoordinationClient>();
        var one = new CaseId(1);

        await feedProvider.GetRequiredService<CareCoordinationClient>().RecordFamilyAsync(Families.Family.Create(new Families.FamilyId(3), [Sam.Bsn, TestBsns.Second], []));
        var held = await school.NameCaseHolderAsync(one, Sam.Bsn);
        var tier = await school.AssessAsync(one, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false), held.Version);
        var assigned = await directorProvider.GetRequiredService<CareCoordinationClient>().AssignCoordinatorAsync(one);
        var plan = await coordinator.DraftPlanAsync(one);
        plan = await coordinator.SetPlanGoalAsync(one, "the debts are under control", plan.Version);
        plan = await coordinator.AgreePlanActionAsync(one, 1, Plans.ActionKind.Help, "debt counselling", TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), new LocalDate(2026, 12, 14), plan.Version);
        plan = await coordinator.CompletePlanActionAsync(one, 1, plan.Version);
        plan = await coordinator.ReviewPlanAsync(one, new Dictionary<int, string> { [1] = "a payment plan runs" }, [1], plan.Version);
        var unchanged = await coordinator.CheckPlanEscalationAsync(one, plan.Version);
        var joined = await school.TakeInAsync([TestBsns.Second], IntakeRoute.CareNetwork);
        var stale = await Assert.ThrowsAsync<CareCoordinationApiException>(() => coordinator.SetPlanGoalAsync(one, "late", 1));
        var read = await coordinator.GetCaseAsync(one);
        var readPlan = await coordinator.GetPlanAsync(one);

        Assert.Equal(CaseStatus.CaseHolderCoordinates, held.Status);
        Assert.Equal(CoordinationTier.General, tier.Tier);
        Assert.Equal(new CoordinatorId(1), assigned.Coordinator);
        Assert.Equal(5, plan.Version);
        Assert.True(plan.Goals.Single().Reached);
        Assert.Equal((5, Plans.EscalationLevel.None), (unchanged.Version, unchanged.Escalation));
        Assert.Equal(one, joined.Case);
        Assert.Equal(409, stale.Status);
        Assert.Equal((CaseStatus.Coordinated, new CoordinatorId(1)), (read.Status, read.Coordinator));
        Assert.Equal((5, "a payment plan runs"), (readPlan.Version, readPlan.Goals.Single().Progress));
    }

    [Fact]
    public async Task Through_the_client_a_reporter_records_informing_and_its_postponement_and_a_case_holder_withdraws_a_consent_at_its_version()
    {
        using var service = new ServiceFactory();
        using var schoolProvider = ClientOf(service, Role.ReporterOfTheOrganisation);
        using var socialWorkProvider = ClientOf(service, Role.ReporterOfAnotherOrganisation);
        using var holderProvider = ClientOf(service, Role.CareCoordinator);
        var school = schoolProvider.GetRequiredService<CareCoordinationClient>();
        var ours = await school.RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.SchoolAbsenceOrDropout), "outbox-1");
        var theirs = await socialWorkProvider.GetRequiredService<CareCoordinationClient>().RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.FinancialProblems), "sw-1");
        CaseHolding.ByTheYouthAndFamilyCentre(service);
        var centre = TestRegion.YouthAndFamilyCentre;
        var consent = service.Services.GetRequiredService<PersonDataAccess>().GiveConsent(
            new Actor("user-care-coordinator", ActorRole.Coordinator, centre, TestRegion.ReporterOf(centre), "test"), new CaseId(1), Sam, ConsentPurpose.Coordination, [TestRegion.School], ConsentGiver.Parents);
        var holder = holderProvider.GetRequiredService<CareCoordinationClient>();

        await school.RecordInformedAsync(ours.Signal, ConsentGiver.Parents);
        var refused = await Assert.ThrowsAsync<CareCoordinationApiException>(() => school.RecordInformingPostponedAsync(theirs.Signal, "not ours to inform"));
        await holder.WithdrawConsentAsync(new CaseId(1), consent.Id, consent.Version);
        var stale = await Assert.ThrowsAsync<CareCoordinationApiException>(() => holder.WithdrawConsentAsync(new CaseId(1), consent.Id, consent.Version));

        var schoolReporter = new Actor("user-school", ActorRole.Reporter, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), "test");
        var obligations = service.Services.GetRequiredService<PersonDataAccess>().GetInformationObligations(schoolReporter, Sam.Bsn);
        Assert.True(obligations.Single(o => o.Signal == ours.Signal).IsFulfilled);
        Assert.Equal((403, "R1"), (refused.Status, refused.Rule?[..2]));
        Assert.Equal(409, stale.Status);
        Assert.Contains("version 2", stale.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Through_the_client_a_privacy_officer_asks_for_a_rotation_and_learns_that_the_trail_uses_the_newest_keys_already()
    {
        using var service = new ServiceFactory();
        using var auditorProvider = ClientOf(service, Role.Auditor);

        var conflict = await Assert.ThrowsAsync<CareCoordinationApiException>(() => auditorProvider.GetRequiredService<CareCoordinationClient>().RotateAuditKeysAsync());

        Assert.Equal(409, conflict.Status);
    }

    private static ServiceProvider ClientOf(ServiceFactory service, Role role)
    {
        var services = new ServiceCollection();
        services.AddCareCoordinationClient(o =>
        {
            o.BaseAddress = service.Server.BaseAddress;
            o.AccessToken = _ => ValueTask.FromResult(ServiceFactory.Token(role.Claims!));
        }).ConfigurePrimaryHttpMessageHandler(() => service.Server.CreateHandler());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
