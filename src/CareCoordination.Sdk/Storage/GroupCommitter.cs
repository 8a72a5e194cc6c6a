using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Telemetry;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Group commit for one store: every operation applies itself in memory under the store's <see cref="Writer"/> lock,
/// queues its change set with the next sequence number and lets go of every lock; one committer thread takes everything
/// queued, merges it in sequence order into one change set and commits that in one transaction and one flush. Each
/// operation then returns once its sequence is durable. When a group fails, every operation not yet durable — the group
/// and everything queued after it, which may build on it — is undone in memory, newest first, and each caller is told.
/// Nothing acknowledged is ever rolled back.
/// </summary>
/// <remarks>
/// The writer lock comes before any area's lock, so an operation that spans areas (a registration whose match opens a
/// case) and one that starts in another area take their locks in the same order. The committer thread starts when work
/// arrives and ends after a second without any, so a store the process forgets leaves no thread behind.
/// </remarks>
internal sealed class GroupCommitter
{
    private static readonly ConditionalWeakTable<ICareCoordinationStore, GroupCommitter> Committers = [];
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(1);

    private readonly ICareCoordinationStore _store;
    private readonly object _queueGate = new();
    private List<Pending> _queue = [];
    private List<Pending> _spare = [];
    private readonly List<(long Sequence, TaskCompletionSource Waiter)> _settledWaiters = [];
    private long _lastSequence;
    private long _settled;
    private bool _running;

    private GroupCommitter(ICareCoordinationStore store) => _store = store;

    /// <summary>Gets the lock every write to the store takes first, before any area's lock, and holds while it applies itself in memory.</summary>
    public Lock Writer { get; } = new();

    /// <summary>Gets the sequence number of the last operation queued.</summary>
    public long LastSequence => Interlocked.Read(ref _lastSequence);

    /// <summary>Gets the highest sequence number that is durable or was rolled back: nothing at or below it is pending.</summary>
    public long Settled => Interlocked.Read(ref _settled);

    /// <summary>The group committer of a store: one for each store instance.</summary>
    public static GroupCommitter For(ICareCoordinationStore store) => Committers.GetValue(store, static s => new GroupCommitter(s));

    /// <summary>Queues an operation's change set; the caller holds <see cref="Writer"/>, so sequence order is the order memory changed in.</summary>
    /// <param name="changes">The operation's change set; may be empty (an operation that only read pending state waits with the others).</param>
    /// <param name="undo">How to put memory back, oldest first, each with the lock of the area it touches.</param>
    /// <param name="committed">What to run on the committer's thread once the group is durable (a feed entry becomes readable), before any caller of the group is released; never run when the group rolls back.</param>
    /// <returns>The ticket to wait on.</returns>
    public Ticket Enqueue(ChangeSet changes, List<(Lock? Gate, Action Undo)> undo, List<Action> committed)
    {
        Debug.Assert(Writer.IsHeldByCurrentThread, "operations queue under the writer lock");
        var ticket = new Ticket();
        lock (_queueGate)
        {
            ticket.Sequence = ++_lastSequence;
            _queue.Add(new Pending(ticket, changes, undo, committed));
            if (!_running)
            {
                _running = true;
                new Thread(Run) { IsBackground = true, Name = "CareCoordination group commit" }.Start();
            }
            else
            {
                Monitor.Pulse(_queueGate);
            }
        }

        return ticket;
    }

    /// <summary>Blocks until everything up to <paramref name="sequence"/> is durable or rolled back.</summary>
    public void WaitSettled(long sequence)
    {
        if (Settled >= sequence)
        {
            return;
        }

        lock (_queueGate)
        {
            while (_settled < sequence)
            {
                Monitor.Wait(_queueGate);
            }
        }
    }

    /// <summary>Completes when everything up to <paramref name="sequence"/> is durable or rolled back, holding no thread meanwhile.</summary>
    public Task WhenSettledAsync(long sequence)
    {
        if (Settled >= sequence)
        {
            return Task.CompletedTask;
        }

        lock (_queueGate)
        {
            if (_settled >= sequence)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _settledWaiters.Add((sequence, waiter));
            return waiter.Task;
        }
    }

    private void Run()
    {
        while (true)
        {
            List<Pending> group;
            lock (_queueGate)
            {
                while (_queue.Count == 0)
                {
                    if (!Monitor.Wait(_queueGate, IdleLifetime) && _queue.Count == 0)
                    {
                        _running = false;
                        return;
                    }
                }

                group = _queue;
                _queue = _spare;
                _spare = group;
            }

            Commit(group);
            group.Clear();
        }
    }

    private void Commit(List<Pending> group)
    {
        using var activity = CareCoordinationActivities.Source.StartActivity(CareCoordinationTelemetry.CommitActivity);
        activity?.SetTag(CareCoordinationTelemetry.GroupSizeTag, group.Count);
        try
        {
            var merged = Merge(group);
            if (!merged.IsEmpty)
            {
                _store.Commit(merged);
            }
        }
        catch (Exception failure)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            RollBack(group, failure);
            return;
        }

        // What waits for the group's durability becomes visible before any read that waited for the group is let go.
        foreach (var pending in group)
        {
            foreach (var committed in pending.Committed)
            {
                committed();
            }
        }

        Settle(group[^1].Ticket.Sequence);
        foreach (var pending in group)
        {
            pending.Ticket.Succeed();
        }
    }

    /// <summary>Undoes the failed group and everything queued after it, newest first, under the writer lock so nothing new is applied meanwhile.</summary>
    private void RollBack(List<Pending> group, Exception failure)
    {
        var victims = new List<Pending>(group);
        lock (Writer)
        {
            lock (_queueGate)
            {
                victims.AddRange(_queue);
                _queue.Clear();
            }

            for (var i = victims.Count - 1; i >= 0; i--)
            {
                var undo = victims[i].Undo;
                for (var j = undo.Count - 1; j >= 0; j--)
                {
                    var (gate, action) = undo[j];
                    if (gate is null)
                    {
                        action();
                        continue;
                    }

                    lock (gate)
                    {
                        action();
                    }
                }
            }

            Settle(victims[^1].Ticket.Sequence);
        }

        // The first operation of the failed group gets the store's own exception, as a lone operation always did.
        victims[0].Ticket.Fail(failure);
        for (var i = 1; i < victims.Count; i++)
        {
            victims[i].Ticket.Fail(RolledBack(failure));
        }
    }

    /// <summary>
    /// What an operation that shared a failed group is told: a transient store failure stays the same typed, retryable
    /// <see cref="StoreUnavailableException"/> for every operation in the group, so that a caller (or the service's
    /// 503 mapping) needs one catch for "try again"; any other failure becomes <see cref="CommitRolledBackException"/>.
    /// Either way the store's own exception is the inner exception, and each caller gets its own instance.
    /// </summary>
    private static Exception RolledBack(Exception failure) => failure switch
    {
        StoreUnavailableException { Kind.Length: > 0 } unavailable =>
            new StoreUnavailableException(unavailable.Kind, unavailable.Name, "the group commit this operation shared failed", unavailable),
        StoreUnavailableException unavailable => new StoreUnavailableException(unavailable.Message, unavailable),
        _ => new CommitRolledBackException(failure),
    };

    private void Settle(long sequence)
    {
        lock (_queueGate)
        {
            Interlocked.Exchange(ref _settled, sequence);
            Monitor.PulseAll(_queueGate);
            if (_settledWaiters.Count > 0)
            {
                _settledWaiters.RemoveAll(w => w.Sequence <= sequence && w.Waiter.TrySetResult());
            }
        }
    }

    private static ChangeSet Merge(List<Pending> group)
    {
        if (group.Count == 1)
        {
            return group[0].Changes;
        }

        var merged = new ChangeSet();
        foreach (var pending in group)
        {
            merged.AddAll(pending.Changes);
        }

        return merged;
    }

    private sealed record Pending(Ticket Ticket, ChangeSet Changes, List<(Lock? Gate, Action Undo)> Undo, List<Action> Committed);

    /// <summary>One queued operation: durable, or rolled back with the store's exception.</summary>
    internal sealed class Ticket
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public long Sequence { get; set; }

        /// <summary>Blocks until the operation is durable; throws when it was rolled back.</summary>
        public void Wait() => _done.Task.GetAwaiter().GetResult();

        /// <summary>Completes when the operation is durable; faults when it was rolled back. Not cancellable: a queued operation completes.</summary>
        public Task WaitAsync() => _done.Task;

        public void Succeed() => _done.TrySetResult();

        public void Fail(Exception failure) => _done.TrySetException(failure);
    }
}
