using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// The operation under way on this thread and its one change set: the first area an operation reaches begins it and
/// completes it at the end; every area the operation sets off joins it, adds its writes, and says how to undo what it
/// changed in memory (under which area's lock). Completing queues the change set with the store's
/// <see cref="GroupCommitter"/>; the caller lets go of its locks and then waits on the returned
/// <see cref="Completion"/> until the change is durable. When the operation fails before it completes, every area's
/// memory is put back at once, newest change first; when its group commit fails, the committer does the same. What
/// must wait for durability (events to listeners, metrics) runs in <see cref="Completion"/>, after the wait.
/// </summary>
internal sealed class ChangeScope : IDisposable
{
    [ThreadStatic]
    private static ChangeScope? t_current;

    private readonly ChangeScope? _outer;
    private readonly ICareCoordinationStore _store;
    private readonly List<(Lock? Gate, Action Undo)> _undo = [];
    private readonly List<Action> _committed = [];
    private readonly List<Action> _afterDurable = [];
    private readonly ChangeScope? _joined;
    private Lock? _gate;
    private bool _finished;

    private ChangeScope(ICareCoordinationStore store, ChangeScope? outer)
    {
        _store = store;
        _outer = outer;
    }

    private ChangeScope(ChangeScope joined)
    {
        _joined = joined;
        _store = joined._store;
    }

    /// <summary>Gets the change set the operation builds.</summary>
    public ChangeSet Changes { get; } = new();

    /// <summary>Gets or sets the lock of the area changing memory now, under which its undo actions run.</summary>
    public Lock? Gate
    {
        get => Root._gate;
        set => Root._gate = value;
    }

    /// <summary>The lock every write to a store takes before any area's lock.</summary>
    public static Lock WriterOf(ICareCoordinationStore store) => GroupCommitter.For(store).Writer;

    /// <summary>
    /// Gets the operation under way on this thread, on whichever store: an area that keeps no store of its own but hears
    /// an index operation (the follow-up book, the move notices in memory) puts its undo and its visibility there.
    /// </summary>
    public static ChangeScope? Ambient => t_current;

    /// <summary>Begins an operation on a store, or joins the one under way on this thread for the same store.</summary>
    public static ChangeScope Begin(ICareCoordinationStore store)
    {
        if (t_current is { } current && ReferenceEquals(current._store, store))
        {
            return new ChangeScope(current);
        }

        return t_current = new ChangeScope(store, t_current);
    }

    /// <summary>The operation under way on this thread on the given store, if any: where a write to that store goes instead of its own transaction.</summary>
    public static ChangeScope? Current(object? store) =>
        t_current is { } current && store is not null && ReferenceEquals(current._store, store) ? current : null;

    /// <summary>Adds a write to the operation's change set.</summary>
    public void Add(SignalCommit commit) => Root.Changes.Add(commit);

    /// <summary>Adds a write to the operation's change set.</summary>
    public void Add(FamilyChange family) => Root.Changes.Add(family);

    /// <summary>Adds a write to the operation's change set.</summary>
    public void Add(StreamChange stream) => Root.Changes.Add(stream);

    /// <summary>Adds a write to the operation's change set.</summary>
    public void Add(Privacy.AuditRecord record) => Root.Changes.Add(record);

    /// <summary>Says how to put back a change made in memory, should the operation fail; it runs under the lock of the area changing memory now.</summary>
    public void OnUndo(Action undo) => Root._undo.Add((Root._gate, undo));

    /// <summary>
    /// Says what to do the moment the operation's change set is durable, such as letting readers see what it wrote: with
    /// group commit, on the committer's thread once the group's shared transaction committed and before any caller of
    /// the group returns; never when the group rolls back. It must be quick and take no lock but its own area's.
    /// </summary>
    public void OnCommitted(Action committed) => Root._committed.Add(committed);

    /// <summary>Says how to put back a change made in memory under <paramref name="gate"/>, should the operation fail.</summary>
    public void OnUndo(Lock gate, Action undo) => Root._undo.Add((gate, undo));

    /// <summary>Says what to do once the operation is durable (tell listeners, count metrics), on the caller's thread before its call returns.</summary>
    public void AfterDurable(Action action) => Root._afterDurable.Add(action);

    /// <summary>
    /// Completes the operation when this scope began it: queues its change set for the next group commit (or commits it
    /// at once when the caller does not hold the store's writer lock, or when an operation on another store is under
    /// way on this thread). A scope that joined another returns <see langword="null"/>: the operation that began it waits.
    /// </summary>
    /// <returns>What to wait on once every lock is released, or <see langword="null"/>.</returns>
    public Completion? Complete()
    {
        if (_joined is not null)
        {
            return null;
        }

        Debug.Assert(ReferenceEquals(t_current, this), "scopes end in the order they began");
        var committer = GroupCommitter.For(_store);
        GroupCommitter.Ticket? ticket = null;
        if (_outer is null && committer.Writer.IsHeldByCurrentThread)
        {
            ticket = committer.Enqueue(Changes, _undo, _committed);
        }
        else
        {
            if (!Changes.IsEmpty)
            {
                _store.Commit(Changes);
            }

            foreach (var committed in _committed)
            {
                committed();
            }
        }

        _finished = true;
        t_current = _outer;
        return new Completion(ticket, _afterDurable);
    }

    /// <summary>Ends the scope; an operation that began here and did not complete is undone.</summary>
    public void Dispose()
    {
        if (_joined is not null || _finished)
        {
            return;
        }

        _finished = true;
        t_current = _outer;
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (gate, undo) = _undo[i];
            if (gate is null)
            {
                undo();
                continue;
            }

            lock (gate)
            {
                undo();
            }
        }
    }

    private ChangeScope Root => _joined ?? this;

    /// <summary>A completed operation: wait for it once every lock is released, and it runs what waited for durability.</summary>
    internal sealed class Completion(GroupCommitter.Ticket? ticket, List<Action> afterDurable)
    {
        /// <summary>Gets the queued operation's ticket, or <see langword="null"/> when it was committed at once.</summary>
        public GroupCommitter.Ticket? Ticket => ticket;

        /// <summary>Blocks until the operation is durable, then tells listeners; throws the store's exception when it was rolled back.</summary>
        public void Wait()
        {
            ticket?.Wait();
            RunAfterDurable();
        }

        /// <summary>Completes when the operation is durable and listeners were told; faults when it was rolled back.</summary>
        public async Task WaitAsync()
        {
            if (ticket is not null)
            {
                await ticket.WaitAsync().ConfigureAwait(false);
            }

            RunAfterDurable();
        }

        private void RunAfterDurable()
        {
            foreach (var action in afterDurable)
            {
                action();
            }
        }
    }
}
