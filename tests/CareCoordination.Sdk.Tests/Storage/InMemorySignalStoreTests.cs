using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

public sealed class InMemorySignalStoreTests : SignalStoreContract
{
    private InMemoryCareCoordinationStore _store = new();

    [Fact]
    public void A_store_that_refuses_the_write_leaves_the_index_exactly_as_it_was()
    {
        var scenario = new IndexScenario();
        var store = new InMemorySignalStore();
        var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store, [scenario.Events]);
        var youth = IndexScenario.YouthAged(TestBsns.First, 8);
        index.Register(IndexScenario.By(TestRegion.School, youth));
        index.Register(IndexScenario.By(TestRegion.SocialWork, youth));
        index.Withdraw(TestBsns.First, TestRegion.SocialWork, WithdrawalReason.RiskGone);
        var before = SignalStoreContract.Describe(index);
        var eventsBefore = scenario.Events.Events.Count;
        var storedBefore = store.Events.Count;

        foreach (var change in new Action[]
        {
            () => index.Register(IndexScenario.By(TestRegion.YouthHealthCare, youth)),
            () => index.Register(IndexScenario.By(TestRegion.School, youth)),
            () => index.Withdraw(TestBsns.First, TestRegion.School, WithdrawalReason.Unjustified),
            () => index.RecordDeath(TestBsns.First),
        })
        {
            store.FailNextCommit(new InvalidOperationException("disk full"));
            Assert.Equal("disk full", Assert.Throws<InvalidOperationException>(change).Message);
            Assert.Equal(before, SignalStoreContract.Describe(index));
            Assert.Equal(eventsBefore, scenario.Events.Events.Count);
            Assert.Equal(storedBefore, store.Events.Count);
        }

        // The law ends signals on their dates, so the sweep that fails is compared with the index as it is two years on.
        scenario.AdvanceDays(800);
        var later = SignalStoreContract.Describe(index);
        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Equal("disk full", Assert.Throws<InvalidOperationException>(() => index.ExpireDue()).Message);
        Assert.Equal(later, SignalStoreContract.Describe(index));
        Assert.Equal(eventsBefore, scenario.Events.Events.Count);
        Assert.Equal(storedBefore, store.Events.Count);
    }

    protected override ISignalStore OpenStore() => _store;

    protected override void CloseStore(ISignalStore store)
    {
    }

    protected override IReadOnlyList<StoredEvent> ReadEvents(ISignalStore store, SignalId signal) => ((InMemoryCareCoordinationStore)store).Signals.EventsOf(signal);

    protected override void ResetStore() => _store = new InMemoryCareCoordinationStore();
}
