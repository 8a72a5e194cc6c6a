using System;
using System.Collections.Generic;
using System.Threading;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// How an aggregate area (the desk, the plan book, the consent register, the information obligations) writes its
/// streams: into the change set of the operation under way when its store commits change sets, and otherwise straight
/// to the store, one transaction per write, as a store that only implements <see cref="IEventStreamStore"/> requires.
/// </summary>
internal sealed class DurableStreams(IEventStreamStore? store)
{
    /// <summary>Gets the store, or <see langword="null"/> when the area keeps everything in memory.</summary>
    public IEventStreamStore? Store { get; } = store;

    /// <summary>Begins (or joins) an operation; <see langword="null"/> when the store writes every change on its own.</summary>
    public ChangeScope? Begin() => Store is ICareCoordinationStore durable ? ChangeScope.Begin(durable) : null;

    /// <summary>Appends events to a stream, in the operation's change set or at once.</summary>
    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events)
    {
        if (ChangeScope.Current(Store) is { } scope)
        {
            scope.Add(new StreamChange(kind, stream, expectedVersion, events));
            return;
        }

        Store?.Append(kind, stream, expectedVersion, events);
    }

    /// <summary>Replaces a stream by one event, in the operation's change set or at once.</summary>
    public void Erase(string kind, string stream, StreamEvent remaining)
    {
        if (ChangeScope.Current(Store) is { } scope)
        {
            scope.Add(new StreamChange(kind, stream, null, [remaining]));
            return;
        }

        Store?.EraseStream(kind, stream, remaining);
    }

    /// <summary>
    /// Runs one change of an area under its lock as one operation: it joins the operation under way on this thread (an
    /// index registration whose match opens a case) or begins its own and commits it; when the commit or the change
    /// fails, what the change did in memory is undone.
    /// </summary>
    public T Run<T>(Lock gate, Func<T> change)
    {
        lock (gate)
        {
            using var scope = Begin();
            var result = change();
            scope?.Complete();
            return result;
        }
    }

    /// <summary>Says how to put back a change made in memory, should the operation under way fail after it.</summary>
    public void OnUndo(Action undo) => ChangeScope.Current(Store)?.OnUndo(undo);

    /// <summary>Runs an action once what the operation under way wrote is durable: after its commit, or at once when there is no operation under way (the write went straight to the store, or there is no store).</summary>
    public void OnDurable(Action durable)
    {
        if (ChangeScope.Current(Store) is { } scope)
        {
            scope.OnCommitted(durable);
            return;
        }

        durable();
    }
}
