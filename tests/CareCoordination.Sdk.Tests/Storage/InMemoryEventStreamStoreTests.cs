using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Coordination;
using CareCoordination.Sdk.Tests.Plans;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

public sealed class InMemoryEventStreamStoreTests : EventStreamStoreContract
{
    private InMemoryCareCoordinationStore _store = new();

    [Fact]
    public void A_store_that_refuses_the_write_leaves_the_case_the_pool_the_plan_and_the_consents_as_they_were()
    {
        var store = new InMemoryEventStreamStore();
        var scenario = new DeskScenario(store: store);
        var book = new PlanBook(scenario.Desk, PlanPolicy.Default, PlanScenario.Amsterdam, scenario.Clock, store);
        var consents = new ConsentRegister(ConsentPolicy.Default, PlanScenario.Amsterdam, scenario.Clock, store);
        var id = scenario.Open(scenario.NewFamily(), organisation: DeskScenario.Cjg);
        scenario.Desk.NameCaseHolder(id, DeskScenario.ProfessionalOf(DeskScenario.Cjg, 1), DeskScenario.Cjg);
        var plan = book.Draft(id, PlanScenario.Coordinator, DeskScenario.Cjg);

        store.FailNextWrite();
        Assert.ThrowsAny<System.InvalidOperationException>(() => scenario.Desk.Close(id, CaseOutcome.GoalsReached));
        store.FailNextWrite();
        Assert.ThrowsAny<System.InvalidOperationException>(() => scenario.AddCoordinator(1, DeskScenario.SocialWork));
        store.FailNextWrite();
        Assert.ThrowsAny<System.InvalidOperationException>(() => book.Change(id, plan.Version, (p, at) => p.SetGoal("Debts in order", PlanScenario.Coordinator, at)));
        store.FailNextWrite();
        Assert.ThrowsAny<System.InvalidOperationException>(() => consents.Give(IndexScenario.YouthAged(TestBsns.First, 17), ConsentPurpose.Coordination, [DeskScenario.Cjg], ConsentGiver.Youth));

        Assert.Equal(CaseStatus.CaseHolderCoordinates, scenario.Desk.GetCase(id).Status);
        Assert.Empty(scenario.Desk.Pool);
        Assert.Equal(plan.Version, book.Find(id)!.Version);
        Assert.Empty(consents.About(TestBsns.First).Consents);
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        Assert.Equal(1, consents.Give(IndexScenario.YouthAged(TestBsns.First, 17), ConsentPurpose.Coordination, [DeskScenario.Cjg], ConsentGiver.Youth).Id);
    }

    protected override IEventStreamStore OpenStreams() => _store;

    protected override void CloseStreams(IEventStreamStore store)
    {
    }

    protected override void ResetStreams() => _store = new InMemoryCareCoordinationStore();
}
