using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Telemetry;

namespace CareCoordination.Sdk.Index;

// The group-commit pipeline of an index with a store that commits change sets: apply in memory under the writer lock and
// the index lock with undo actions, queue the change set, let go of the locks, wait until it is durable, then tell the
// listeners. Reads of a youth wait only while a change to that youth is not yet durable.
public sealed partial class ReferenceIndex
{
    // Youth key → the sequence number of the last queued operation that changed the youth's chains; only under the lock.
    private readonly Dictionary<int, long> _pendingYouths = [];

    // The sequence number of the last queued operation that changed a family; only under the lock.
    private long _pendingFamilies;

    /// <summary>Runs what else belongs to an operation (its audit record) once the index's part of it succeeded, so that a refused operation leaves no record of having happened.</summary>
    private static T Then<T>(T result, Action? alsoInOperation)
    {
        alsoInOperation?.Invoke();
        return result;
    }

    /// <summary>Runs one index operation on a store that commits change sets and blocks until it is durable.</summary>
    private T Durably<T>(Func<T> apply)
    {
        var (result, completion) = ApplyDurably(apply, CancellationToken.None);
        completion?.Wait();
        return result;
    }

    /// <summary>Runs one index operation on a store that commits change sets and completes once it is durable; cancelled before it is queued, nothing happened.</summary>
    private async Task<T> DurablyAsync<T>(Func<T> apply, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (result, completion) = ApplyDurably(apply, cancellationToken);
        if (completion is not null)
        {
            await completion.WaitAsync().ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// The in-memory half of an operation: the store's writer lock first (before any area's lock, as every operation on
    /// the store takes them), then the index's; every change recorded with its undo, the merged commit added to the
    /// operation's change set, what listeners and metrics must wait for deferred, and the change set queued.
    /// </summary>
    private (T Result, ChangeScope.Completion? Completion) ApplyDurably<T>(Func<T> apply, CancellationToken cancellationToken)
    {
        var durable = _durable!;
        var writer = ChangeScope.WriterOf(durable);
        lock (writer)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                var outer = _batch;
                var batch = _batch = new PendingBatch(_lastId, _activeCount, _archivedCount);
                using var scope = ChangeScope.Begin(durable);
                T result;
                try
                {
                    result = apply();
                }
                catch
                {
                    Undo(batch);
                    throw;
                }
                finally
                {
                    _batch = outer;
                }

                if (batch.Commits.Count > 0)
                {
                    scope.Add(PendingBatch.Merge(batch.Commits));
                }

                scope.OnUndo(_gate, () => Undo(batch));
                foreach (var deferred in batch.Deferred)
                {
                    scope.AfterDurable(deferred);
                }

                MarkPending(batch, GroupCommitter.For(durable).LastSequence + 1);
                return (result, scope.Complete());
            }
        }
    }

    /// <summary>Remembers which youths and families the operation about to be queued changes, so that their reads wait for it.</summary>
    private void MarkPending(PendingBatch batch, long sequence)
    {
        if (_pendingYouths.Count > 4096)
        {
            var settled = _committer!.Settled;
            foreach (var (key, pending) in _pendingYouths)
            {
                if (pending <= settled)
                {
                    _pendingYouths.Remove(key);
                }
            }
        }

        foreach (var key in batch.Youths)
        {
            _pendingYouths[key] = sequence;
        }

        if (batch.ChangedFamilies)
        {
            _pendingFamilies = sequence;
        }
    }

    /// <summary>
    /// The sequence number a read of a youth must wait for, or 0 when nothing it reflects is pending. Call under the lock;
    /// when it returns a number, let go of the lock, <see cref="GroupCommitter.WaitSettled"/> and read again (the change
    /// may have been rolled back).
    /// </summary>
    private long PendingFor(int key, bool withFamilies)
    {
        // An operation under way (a participant reading the index), or a read nested in an area's read, sees the state
        // as it is and must not wait: it holds a lock the committer may need to roll a failed group back.
        if (_committer is null || DurableStreams.IsReadingOrWriting(_durable!))
        {
            return 0;
        }

        var settled = _committer.Settled;
        var pending = 0L;
        if (_pendingYouths.Count > 0 && _pendingYouths.TryGetValue(key, out var youth))
        {
            if (youth <= settled)
            {
                _pendingYouths.Remove(key);
            }
            else
            {
                pending = youth;
            }
        }

        if (withFamilies && _pendingFamilies > settled)
        {
            pending = Math.Max(pending, _pendingFamilies);
        }

        // A family match reads every sibling's chain: the household's and, through a shared parent, other households'.
        if (withFamilies)
        {
            foreach (var sibling in _families.SiblingsOf(key))
            {
                if (_pendingYouths.TryGetValue(sibling.Key, out var other) && other > settled)
                {
                    pending = Math.Max(pending, other);
                }
            }
        }

        return pending;
    }

    /// <summary>Completes once nothing a read of the youth (and the youth's families) would reflect is pending, holding no thread meanwhile.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The wait; complete at once when nothing is pending.</returns>
    internal Task WhenSettledAsync(Identity.Bsn youth)
    {
        long pending;
        lock (_gate)
        {
            pending = PendingFor(KeyOf(youth), withFamilies: true);
        }

        return pending == 0 ? Task.CompletedTask : _committer!.WhenSettledAsync(pending);
    }

    /// <summary>The sequence number a read of everything must wait for: the last operation queued, when it is not yet settled.</summary>
    private long PendingForAll() =>
        _committer is { } committer && !DurableStreams.IsReadingOrWriting(_durable!) && committer.LastSequence > committer.Settled ? committer.LastSequence : 0;

    /// <summary>Runs a read under the lock once nothing it reflects is pending.</summary>
    private T ReadSettled<T>(Func<long> pending, Func<T> read)
    {
        while (true)
        {
            long waitFor;
            lock (_gate)
            {
                waitFor = pending();
                if (waitFor == 0)
                {
                    return read();
                }
            }

            _committer!.WaitSettled(waitFor);
        }
    }

    // The undo actions of lifetime changes: a youth's chains as they were, and a freed slot taken back. Undo runs newest
    // first across every operation not yet durable, so the free list is back in the order it was when the slot is taken.
    private void UndoChains(PendingBatch batch, int key)
    {
        batch.Youths.Add(key);
        var activeHead = _active.HeadOf(key);
        var archiveHead = _archive.HeadOf(key);
        var slots = new List<(int Slot, Internal.SignalSlot Value)>();
        for (var slot = activeHead; slot != NoSlot; slot = _slots[slot].Next)
        {
            slots.Add((slot, _slots[slot]));
        }

        for (var slot = archiveHead; slot != NoSlot; slot = _slots[slot].Next)
        {
            slots.Add((slot, _slots[slot]));
        }

        batch.Undo.Add(() =>
        {
            foreach (var (slot, value) in slots)
            {
                _slots[slot] = value;
                _expiry.Add(slot);
            }

            _active.SetHead(key, activeHead);
            _archive.SetHead(key, archiveHead);
        });
    }

    private void UndoRelease(PendingBatch batch, int slot) => batch.Undo.Add(() =>
    {
        var taken = _slots.Take();
        System.Diagnostics.Debug.Assert(taken == slot, "undo takes freed slots back in the order they were freed");
    });

    private void UndoFamily(PendingBatch batch, Families.FamilyId id)
    {
        batch.ChangedFamilies = true;
        var previous = _families.Find(id);
        batch.Undo.Add(() =>
        {
            if (previous is null)
            {
                _families.Remove(id);
            }
            else
            {
                _families.AddOrReplace(previous);
            }
        });
    }

    private static void DeferEnded(PendingBatch batch, SignalEndReason reason) => batch.Deferred.Add(() => IndexMetrics.SignalEnded(reason));

    private static void DeferListeners(PendingBatch batch, Action<IReferenceIndexObserver[]> deliver, IReferenceIndexObserver[] to) => batch.Deferred.Add(() => deliver(to));
}
