using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// The operation under way on this thread and its one change set: the first area an operation reaches begins it and
/// commits it at the end; every area the operation sets off joins it, adds its writes, and says how to undo what it
/// changed in memory. When the commit throws, or the operation fails before it, every area's memory is put back, newest
/// change first, and nothing was written. What must wait for durability (events to observers, metrics) runs after the
/// commit.
/// </summary>
internal sealed class ChangeScope : IDisposable
{
    [ThreadStatic]
    private static ChangeScope? t_current;

    private readonly ChangeScope? _outer;
    private readonly ICareCoordinationStore _store;
    private readonly List<Action> _undo = [];
    private readonly List<Action> _committed = [];
    private readonly ChangeScope? _joined;
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

    /// <summary>Says how to put back a change made in memory, should the operation fail.</summary>
    public void OnUndo(Action undo) => Root._undo.Add(undo);

    /// <summary>Says what to do once the operation's change set is durable, such as letting readers see what it wrote.</summary>
    public void OnCommitted(Action committed) => Root._committed.Add(committed);

    /// <summary>Commits the change set, when this scope began the operation.</summary>
    public void Complete()
    {
        if (_joined is not null)
        {
            return;
        }

        Debug.Assert(ReferenceEquals(t_current, this), "scopes end in the order they began");
        if (!Changes.IsEmpty)
        {
            _store.Commit(Changes);
        }

        _finished = true;
        t_current = _outer;
        foreach (var committed in _committed)
        {
            committed();
        }
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
            _undo[i]();
        }
    }

    private ChangeScope Root => _joined ?? this;
}
