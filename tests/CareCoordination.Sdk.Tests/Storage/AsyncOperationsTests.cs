using System;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>The async forms of the areas' changes: the same change, complete only once durable, and no trace when cancelled before it is queued.</summary>
public sealed class AsyncOperationsTests
{
    private static readonly OrganisationId Jgz = TestRegion.YouthHealthCare;
    private static readonly OrganisationId Amw = TestRegion.SocialWork;
    private static readonly Youth Sam = new(TestBsns.Generate(1, seed: 31)[0], new LocalDate(2016, 3, 1));

    [Fact]
    public async Task A_desk_change_made_asynchronously_completes_only_once_its_commit_is_durable()
    {
        var store = new ScriptedStore();
        var clock = new FakeClock(IndexScenario.Start);
        CaseId caseId;
        int version;
        using (var services = HostedSdk.Build(store, clock))
        {
            var index = services.GetRequiredService<ReferenceIndex>();
            var desk = services.GetRequiredService<CoordinationDesk>();
            await desk.AddCoordinatorAsync(new CareCoordinator(new CoordinatorId(1), TestRegion.ReporterOf(Amw), Amw, TrainingLevel.Specialist, weeklyHours: 8));
            (await index.RegisterAsync(IndexScenario.By(Jgz, Sam))).ThrowIfRefused();
            (await index.RegisterAsync(IndexScenario.By(Amw, Sam))).ThrowIfRefused();
            caseId = desk.WhichCaseHandles(Sam.Bsn)!.Case;
            var entered = store.Entered;
            var flushing = store.Hold();

            var assessing = services.GetRequiredService<PersonDataAccess>().AssessCaseAsync(new Actor("amw", ActorRole.Reporter, Amw, TestRegion.ReporterOf(Amw), "vendor client"), caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
            SpinWait.SpinUntil(() => store.Entered == entered + 1);
            Assert.False(assessing.IsCompleted, "the assessment completed before its commit was durable");
            flushing.Set();
            await assessing;
            version = desk.GetCase(caseId).Version;
        }

        using var reopened = HostedSdk.Build(store, clock);
        Assert.Equal(version, reopened.GetRequiredService<CoordinationDesk>().GetCase(caseId).Version);
    }

    [Fact]
    public async Task A_consent_given_asynchronously_with_a_cancelled_token_leaves_no_trace()
    {
        var store = new ScriptedStore();
        using var services = HostedSdk.Build(store, new FakeClock(IndexScenario.Start));
        var consents = services.GetRequiredService<ConsentRegister>();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var entered = store.Entered;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consents.GiveAsync(Sam, ConsentPurpose.Coordination, [Amw], ConsentGiver.Parents, cancellationToken: cancelled.Token));

        Assert.Empty(consents.About(Sam.Bsn).Consents);
        Assert.Equal(entered, store.Entered);
        var given = await consents.GiveAsync(Sam, ConsentPurpose.Coordination, [Amw], ConsentGiver.Parents);
        Assert.Contains(consents.About(Sam.Bsn).Consents, c => c.Id == given.Id);
    }

    [Fact]
    public async Task A_plan_agenda_read_while_a_plan_change_is_rolled_back_waits_for_the_rollback_and_does_not_deadlock_it()
    {
        var store = new ScriptedStore();
        using var services = HostedSdk.Build(store, new FakeClock(IndexScenario.Start));
        var index = services.GetRequiredService<ReferenceIndex>();
        var desk = services.GetRequiredService<CoordinationDesk>();
        var plans = services.GetRequiredService<PlanBook>();
        await desk.AddCoordinatorAsync(new CareCoordinator(new CoordinatorId(1), TestRegion.ReporterOf(Amw), Amw, TrainingLevel.Specialist, weeklyHours: 8));
        (await index.RegisterAsync(IndexScenario.By(Jgz, Sam))).ThrowIfRefused();
        (await index.RegisterAsync(IndexScenario.By(Amw, Sam))).ThrowIfRefused();
        var caseId = desk.WhichCaseHandles(Sam.Bsn)!.Case;
        var access = services.GetRequiredService<PersonDataAccess>();
        await access.AssessCaseAsync(new Actor("amw", ActorRole.Reporter, Amw, TestRegion.ReporterOf(Amw), "vendor client"), caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
        (await access.AssignCoordinatorAsync(new Actor("zorgregisseur", ActorRole.CoordinationDirector, Amw, null, "vendor client"), caseId)).ThrowIfRefused();
        var coordinator = new Actor("coordinator", ActorRole.Coordinator, Amw, TestRegion.ReporterOf(Amw), "vendor client");
        var plan = await access.DraftPlanAsync(coordinator, caseId);
        var entered = store.Entered;
        var failing = store.Hold(fail: true);

        var changing = access.ChangePlanAsync(coordinator, caseId, plan.Version, (p, by, at) => p.SetGoal("The parents have an overview of their debts", by, at));
        SpinWait.SpinUntil(() => store.Entered == entered + 1);
        var reading = Task.Run(() => plans.GetAgenda(plans.Today.PlusDays(30)));
        failing.Set();

        await Assert.ThrowsAsync<System.IO.IOException>(() => changing);
        Assert.NotNull(await reading.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(plan.Version, plans.Find(caseId)!.Version);
    }

    [Fact]
    public async Task The_index_rebuilds_asynchronously_and_a_cancelled_rebuild_gives_up()
    {
        var store = new ScriptedStore();
        var clock = new FakeClock(IndexScenario.Start);
        var writer = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
        (await writer.RegisterAsync(IndexScenario.By(Jgz, Sam))).ThrowIfRefused();
        (await writer.RegisterAsync(IndexScenario.By(Amw, Sam))).ThrowIfRefused();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReferenceIndex.OpenAsync(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, cancellationToken: cancelled.Token));
        var rebuilt = await ReferenceIndex.OpenAsync(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);

        Assert.Equal(2, rebuilt.ActiveSignalCount);
    }
}
