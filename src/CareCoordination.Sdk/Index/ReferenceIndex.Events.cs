using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Telemetry;

namespace CareCoordination.Sdk.Index;

// When the index's changes are written and who hears of them: participants before the commit, listeners after.
public sealed partial class ReferenceIndex
{
    // The events of a change nobody observes: shared, and never added to.
    private static readonly List<Action<IReferenceIndexObserver[]>> NoEvents = [];

    /// <summary>
    /// Runs a change of a signal's lifetime or a family (withdrawal, death, expiry, families). With a store that commits
    /// change sets, the participants hear the change's events first and what they write joins the same change set; then
    /// the index's memory changes with its undo recorded, the operation is queued for the group commit, and the
    /// listeners hear the events once it is durable. With any other store the commit comes first, then memory, then
    /// everyone hears. When the commit throws, nothing changed.
    /// </summary>
    private void WriteThenApply(SignalCommit? commit, List<Action<IReferenceIndexObserver[]>> events, Action apply)
    {
        var write = WithTombstones(commit);
        WriteThenApply(
            write,
            scope => scope.Add(write!),
            store => store.Commit(write!),
            events,
            () =>
            {
                apply();
                return true;
            });
    }

    private T WriteStoredFamilyThenApply<T>(FamilyChange change, List<Action<IReferenceIndexObserver[]>> events, Func<T> apply) =>
        WriteThenApply(
            change,
            scope => scope.Add(change),
            store =>
            {
                if (change.Family is { } family)
                {
                    store.SaveFamily(family);
                }
                else
                {
                    store.RemoveFamily(change.Id);
                }
            },
            events,
            apply);

    private T WriteThenApply<T>(object? write, Action<ChangeScope> stage, Action<ISignalStore> writeAlone, List<Action<IReferenceIndexObserver[]>> events, Func<T> apply)
    {
        if (_durable is not null)
        {
            // Under way in ApplyDurably: the write joins the operation's change set, participants add theirs, memory
            // changes with its undo recorded, and listeners hear once the group commit made it durable.
            var batch = _batch!;
            if (write is not null)
            {
                stage(ChangeScope.Current(_durable)!);
            }

            foreach (var e in events)
            {
                e(_participants);
            }

            var applied = apply();
            if (_listeners.Length > 0)
            {
                foreach (var e in events)
                {
                    DeferListeners(batch, e, _listeners);
                }
            }

            return applied;
        }

        if (write is not null && _store is not null)
        {
            writeAlone(_store);
        }

        var result = apply();
        foreach (var e in events)
        {
            e(_observers);
        }

        return result;
    }

    // Whether an event raised now reaches anyone: a batch defers or hands it on, else the observers hear it. Asked
    // before an event is built, so that a registration nobody listens to builds none (each is a copy of its signals).
    private bool HasAudience => _batch is not null || _observers.Length > 0;

    // Static lambdas are cached by the compiler, so publishing allocates nothing.
    private void Publish<TEvent>(in TEvent e, Action<IReferenceIndexObserver, TEvent> deliver)
    {
        if (_batch is not null)
        {
            if (_durable is null)
            {
                // Observers hear of a batch only once it is on disk; a batch the store refused raised nothing.
                DeferDelivery(_batch, e, deliver, _observers);
                return;
            }

            // Participants write into the operation's change set now; listeners hear once it is durable.
            Deliver(_participants, e, deliver);
            if (_listeners.Length > 0)
            {
                DeferDelivery(_batch, e, deliver, _listeners);
            }

            return;
        }

        Deliver(_observers, e, deliver);
    }

    // The batch's closures live in helpers of their own: a lambda in a hot method would allocate its captures on every
    // call, batch or not.
    private static void DeferDelivery<TEvent>(PendingBatch batch, TEvent e, Action<IReferenceIndexObserver, TEvent> deliver, IReferenceIndexObserver[] to) =>
        batch.Deferred.Add(() => Deliver(to, e, deliver));

    private static void DeferMatchMetric(PendingBatch batch, MatchKind kind) => batch.Deferred.Add(() => IndexMetrics.MatchFound(kind));

    private static void Deliver<TEvent>(IReferenceIndexObserver[] to, in TEvent e, Action<IReferenceIndexObserver, TEvent> deliver)
    {
        foreach (var observer in to)
        {
            deliver(observer, e);
        }
    }

    // Erasing a signal takes the answer linked to it out of the store, since that answer holds the youth; the commit
    // writes its tombstone in its place, so that a retry of the key is refused instead of registering again.
    private SignalCommit? WithTombstones(SignalCommit? commit)
    {
        if (commit is null || commit.Erasures.Count == 0)
        {
            return commit;
        }

        var tombstones = _idempotency.TombstonesFor(commit.Erasures, _clock.GetCurrentInstant() - Policy.IdempotencyWindow);
        return tombstones.Count == 0 ? commit : commit with { IdempotencyKeys = [.. commit.IdempotencyKeys, .. tombstones] };
    }
}
