using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Xunit;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// Group commit on a store that commits change sets: concurrent operations share one transaction, a failed group takes
/// back exactly what was not yet acknowledged, cancellation is clean, and a lookup never waits on another youth's flush.
/// Every wait here is on a condition the test controls (a gate in the store's commit), never on time.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly Youth[] Youths = TestBsns.Generate(12, seed: 12).Select(b => IndexScenario.YouthAged(b, 10)).ToArray();

    [Property(MaxTest = 25)]
    public void Nothing_acknowledged_is_lost_when_many_threads_register_and_withdraw_at_once(NonEmptyArray<(byte Youth, byte Step)> raw)
    {
        var store = new ScriptedStore();
        var clock = new FakeClock(IndexScenario.Start);
        var index = Open(store, clock);
        const int threads = 4;
        var expected = new HashSet<(int Youth, int Organisation)>[threads];
        var outcomes = new string?[threads];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            // Each thread is one organisation: what it leaves behind follows from its own steps alone, while its
            // registrations match and wait on the others' through the shared youths and the shared commits.
            var organisation = IndexModel.Organisations[t];
            var active = expected[t] = [];
            start.SignalAndWait();
            foreach (var (youth, step) in raw.Get.Where((_, i) => i % threads == t))
            {
                var y = youth % Youths.Length;
                if (step % 3 != 0)
                {
                    index.Register(IndexScenario.By(organisation, Youths[y])).ThrowIfRefused();
                    active.Add((y, t));
                    continue;
                }

                try
                {
                    index.Withdraw(Youths[y].Bsn, organisation, step % 2 == 0 ? WithdrawalReason.RiskGone : WithdrawalReason.Unjustified);
                    outcomes[t] ??= active.Remove((y, t)) ? null : "withdrew a signal it never registered";
                }
                catch (NotFoundException)
                {
                    outcomes[t] ??= active.Contains((y, t)) ? "could not withdraw its own registered signal" : null;
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        PropertyCheck.That(outcomes.All(o => o is null), string.Join("; ", outcomes.Where(o => o is not null)));
        var acknowledged = expected.SelectMany(e => e).ToHashSet();
        var held = Youths.SelectMany((youth, y) => index.GetActiveSignals(youth.Bsn).Select(s => (y, Array.IndexOf(IndexModel.Organisations, s.Organisation)))).ToHashSet();
        PropertyCheck.That(held.SetEquals(acknowledged), "the index does not hold exactly the acknowledged registrations");
        PropertyCheck.That(Describe(Open(store, clock)) == Describe(index), "an index rebuilt from the store differs from the one that wrote it");
        PropertyCheck.That(store.Written <= raw.Get.Length, "the store wrote more transactions than there were operations");
    }

    [Fact]
    public async Task Registrations_queued_while_the_store_flushes_share_the_next_commit()
    {
        var store = new ScriptedStore();
        var index = Open(store, new FakeClock(IndexScenario.Start));
        var flushing = store.Hold();
        var first = index.RegisterAsync(By(0, 0));
        SpinWait.SpinUntil(() => store.Entered == 1);

        var queued = Enumerable.Range(1, 8).Select(y => index.RegisterAsync(By(y, 1))).ToArray();
        flushing.Set();
        var results = await Task.WhenAll(queued.Prepend(first));

        Assert.All(results, r => Assert.Equal(RegistrationOutcome.Registered, r.Outcome));
        Assert.Equal(2, store.Written);
        Assert.Equal(9, Open(store, new FakeClock(IndexScenario.Start)).ActiveSignalCount);
    }

    [Fact]
    public async Task A_group_whose_commit_fails_rolls_back_every_operation_in_it_and_everything_queued_after_it()
    {
        var store = new ScriptedStore();
        var clock = new FakeClock(IndexScenario.Start);
        var heard = new RecordingObserver();
        var index = Open(store, clock, heard);
        var firstFlush = store.Hold();
        var failingFlush = store.Hold(fail: true);

        var acknowledged = index.RegisterAsync(By(0, 0));
        SpinWait.SpinUntil(() => store.Entered == 1);
        var inFailedGroup = index.RegisterAsync(By(1, 0));
        firstFlush.Set();
        await acknowledged;
        SpinWait.SpinUntil(() => store.Entered == 2);

        // Queued behind the failing group, and built on it: the same youth, so it matches the signal about to go.
        var queuedAfter = index.RegisterAsync(By(1, 1));
        failingFlush.Set();

        await Assert.ThrowsAsync<IOException>(() => inFailedGroup);
        var rolledBack = await Assert.ThrowsAsync<CommitRolledBackException>(() => queuedAfter);
        Assert.IsType<IOException>(rolledBack.InnerException);
        Assert.Equal(1, index.ActiveSignalCount);
        Assert.Single(heard.Events);
        Assert.Equal(Describe(Open(store, clock)), Describe(index));
        Assert.Equal(RegistrationOutcome.Registered, (await index.RegisterAsync(By(1, 1))).Outcome);
    }

    [Fact]
    public async Task A_registration_cancelled_before_it_is_queued_leaves_no_trace()
    {
        var store = new ScriptedStore();
        var heard = new RecordingObserver();
        var index = Open(store, new FakeClock(IndexScenario.Start), heard);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.RegisterAsync(By(0, 0), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.WithdrawAsync(Youths[0].Bsn, IndexModel.Organisations[0], WithdrawalReason.RiskGone, cancellationToken: cancelled.Token));

        Assert.Equal(0, index.ActiveSignalCount);
        Assert.Equal(0, store.Entered);
        Assert.Empty(heard.Events);
        Assert.Equal(0, Open(store, new FakeClock(IndexScenario.Start)).ActiveSignalCount);
    }

    [Fact]
    public async Task A_registration_cancelled_once_it_is_queued_completes_and_is_stored()
    {
        var store = new ScriptedStore();
        var index = Open(store, new FakeClock(IndexScenario.Start));
        var flushing = store.Hold();
        using var cancellation = new CancellationTokenSource();
        var registering = index.RegisterAsync(By(0, 0), cancellation.Token);
        SpinWait.SpinUntil(() => store.Entered == 1);

        await cancellation.CancelAsync();
        flushing.Set();

        Assert.Equal(RegistrationOutcome.Registered, (await registering).Outcome);
        Assert.Equal(1, Open(store, new FakeClock(IndexScenario.Start)).ActiveSignalCount);
    }

    [Fact]
    public async Task A_lookup_of_another_youth_does_not_wait_for_a_pending_commit_and_one_of_the_same_youth_does()
    {
        var store = new ScriptedStore();
        var index = Open(store, new FakeClock(IndexScenario.Start));
        var flushing = store.Hold();
        var registering = index.RegisterAsync(By(0, 0));
        SpinWait.SpinUntil(() => store.Entered == 1);

        // The commit cannot finish before the gate opens, so a lookup that returns here did not wait for it.
        Assert.Equal(0, index.GetActiveSignals(Youths[1].Bsn, new Signal[4]));
        var sameYouth = Task.Run(() => index.GetActiveSignals(Youths[0].Bsn, new Signal[4]));
        Assert.False(sameYouth.IsCompleted, "a lookup answered with a registration that was not yet durable");
        flushing.Set();

        await registering;
        Assert.Equal(1, await sameYouth);
    }

    [Fact]
    public async Task Listeners_hear_of_a_registration_before_its_call_returns_and_only_once_it_is_durable()
    {
        var store = new ScriptedStore();
        var heard = new RecordingObserver();
        var index = Open(store, new FakeClock(IndexScenario.Start), heard);
        var flushing = store.Hold();
        var registering = index.RegisterAsync(By(0, 0));
        SpinWait.SpinUntil(() => store.Entered == 1);

        Assert.Empty(heard.Events);
        flushing.Set();
        await registering;

        Assert.Single(heard.Events);
    }

    [Fact]
    public async Task A_match_notification_is_readable_in_the_feed_only_once_its_group_is_durable()
    {
        var store = new ScriptedStore();
        var feed = new NotificationFeed(TestRegion.CreateDirectory(), new FakeClock(IndexScenario.Start), store);
        var index = Open(store, new FakeClock(IndexScenario.Start), feed);
        await index.RegisterAsync(IndexScenario.By(TestRegion.School, Youths[0]));
        var flushing = store.Hold();

        var matching = index.RegisterAsync(IndexScenario.By(TestRegion.SocialWork, Youths[0]));
        SpinWait.SpinUntil(() => store.Entered == 2);

        // The commit cannot finish before the gate opens, so an entry read now would be one a crash could take back.
        Assert.Empty(feed.Read(TestRegion.School, 0, 10).Notifications);
        flushing.Set();
        await matching;
        Assert.NotEmpty(feed.Read(TestRegion.School, 0, 10).Notifications);
    }

    [Fact]
    public async Task A_group_that_rolls_back_leaves_no_notification_in_the_feed_and_the_retry_gets_its_positions()
    {
        var store = new ScriptedStore();
        var clock = new FakeClock(IndexScenario.Start);
        var feed = new NotificationFeed(TestRegion.CreateDirectory(), clock, store);
        var index = Open(store, clock, feed);
        await index.RegisterAsync(IndexScenario.By(TestRegion.School, Youths[0]));
        var failing = store.Hold(fail: true);

        var matching = index.RegisterAsync(IndexScenario.By(TestRegion.SocialWork, Youths[0]));
        SpinWait.SpinUntil(() => store.Entered == 2);
        failing.Set();

        await Assert.ThrowsAsync<IOException>(() => matching);
        Assert.Empty(feed.Read(TestRegion.School, 0, 10).Notifications);
        Assert.Empty(store.Inner.ReadStreams(StreamDocuments.NotificationFeed));
        await index.RegisterAsync(IndexScenario.By(TestRegion.SocialWork, Youths[0]));
        Assert.Equal(1, feed.Read(TestRegion.School, 0, 10).Notifications[0].Position);
        Assert.NotEmpty(new NotificationFeed(TestRegion.CreateDirectory(), clock, store).Read(TestRegion.School, 0, 10).Notifications);
    }

    [Fact]
    public async Task Every_operation_of_a_group_the_store_could_not_reach_gets_the_transient_error_and_nothing_of_it_stays()
    {
        var store = new ScriptedStore();
        var clock = new FakeClock(IndexScenario.Start);
        var index = Open(store, clock);
        var outage = new StoreUnavailableException("PostgreSQL schema", "gc_test", "the server closed the connection", null);
        var holding = store.Hold();
        var failing = store.Hold(outage);

        var first = index.RegisterAsync(By(0, 0));
        SpinWait.SpinUntil(() => store.Entered == 1);
        var inFailedGroup = new[] { index.RegisterAsync(By(1, 0)), index.RegisterAsync(By(2, 1)), index.RegisterAsync(By(1, 2)) };
        holding.Set();
        await first;
        SpinWait.SpinUntil(() => store.Entered == 2);
        failing.Set();

        Assert.Same(outage, await Assert.ThrowsAsync<StoreUnavailableException>(() => inFailedGroup[0]));
        foreach (var other in inFailedGroup.Skip(1))
        {
            var told = await Assert.ThrowsAsync<StoreUnavailableException>(() => other);
            Assert.Same(outage, told.InnerException);
            Assert.Equal(outage.Name, told.Name);
        }

        Assert.Equal(1, index.ActiveSignalCount);
        Assert.Equal(Describe(Open(store, clock)), Describe(index));
    }

    [Fact]
    public async Task A_group_whose_commit_fails_leaves_a_substitute_numbers_signals_where_they_were_and_the_BSN_without_them()
    {
        var store = new ScriptedStore();
        var clock = new FakeClock(IndexScenario.Start);
        var index = Open(store, clock);
        var born = IndexScenario.Today.PlusYears(-3);
        var substitute = SubstituteNumber.Derive("Yilmaz", born, Sex.Female);
        index.Register(IndexScenario.By(IndexModel.Organisations[0], Youth.WithoutBsn(substitute, born))).ThrowIfRefused();
        index.Register(By(0, 1)).ThrowIfRefused();
        var entered = store.Entered;
        var holding = store.Hold();
        var failing = store.Hold(fail: true);

        var first = index.RegisterAsync(By(2, 0));
        SpinWait.SpinUntil(() => store.Entered == entered + 1);
        var move = index.AssignBsnAsync(substitute, Youths[0].Bsn, null, CancellationToken.None);
        var alongside = index.RegisterAsync(By(3, 1));
        holding.Set();
        await first;
        SpinWait.SpinUntil(() => store.Entered == entered + 2);
        failing.Set();

        await Assert.ThrowsAsync<IOException>(() => move);
        await Assert.ThrowsAsync<CommitRolledBackException>(() => alongside);
        Assert.Single(index.GetActiveSignals(substitute.AsIndexKey()));
        Assert.Equal([IndexModel.Organisations[1]], index.GetActiveSignals(Youths[0].Bsn).Select(s => s.Organisation));
        Assert.Empty(index.GetMatches(Youths[0].Bsn));
        var reopened = Open(store, clock);
        Assert.Equal(Describe(reopened) + Describe(reopened, substitute), Describe(index) + Describe(index, substitute));
        Assert.Single(await index.AssignBsnAsync(substitute, Youths[0].Bsn, null, CancellationToken.None));
    }

    private static SignalRegistration By(int youth, int organisation) => IndexScenario.By(IndexModel.Organisations[organisation], Youths[youth]);

    private static ReferenceIndex Open(ScriptedStore store, FakeClock clock, IReferenceIndexObserver? observer = null) =>
        new(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, observer is null ? [] : [observer]);

    private static string Describe(ReferenceIndex index, SubstituteNumber substitute) =>
        string.Join(' ', index.GetActiveSignals(substitute.AsIndexKey()).Select(s => FormattableString.Invariant($"{s.Id}:{s.Organisation}")));

    private static string Describe(ReferenceIndex index)
    {
        var text = new StringBuilder();
        text.Append(index.ActiveSignalCount).Append(" active, ").Append(index.ArchivedSignalCount).Append(" archived\n");
        foreach (var youth in Youths)
        {
            text.AppendJoin(' ', index.GetActiveSignals(youth.Bsn).Select(s => FormattableString.Invariant($"{s.Id}:{s.Organisation}"))).Append(" | ");
            text.AppendJoin(' ', index.GetArchivedSignals(youth.Bsn).Select(a => FormattableString.Invariant($"{a.Signal.Id}:{a.Signal.Organisation}:{a.OfferedAsMatch}"))).Append('\n');
        }

        return text.ToString();
    }
}
