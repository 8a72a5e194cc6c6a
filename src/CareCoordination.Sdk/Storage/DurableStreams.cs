using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// How an aggregate area (the desk, the plan book, the consent register, the information obligations) writes its
/// streams: into the change set of the operation under way when its store commits change sets, and otherwise straight
/// to the store, one transaction per write, as a store that only implements <see cref="IEventStreamStore"/> requires.
/// </summary>
internal sealed class DurableStreams(IEventStreamStore? store)
{
    // Reads under way on this thread: a read nested in another holds that one's lock and must never wait.
    [ThreadStatic]
    private static int t_readDepth;

    /// <summary>Gets the store, or <see langword="null"/> when the area keeps everything in memory.</summary>
    public IEventStreamStore? Store { get; } = store;

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
    /// index registration whose match opens a case) or begins its own, applies it in memory and queues it for the
    /// store's next group commit, lets go of the locks, and returns once the change is durable. When the change fails,
    /// what it did in memory is undone at once; when its group commit fails, the committer undoes it and the store's
    /// exception reaches the caller.
    /// </summary>
    public T Run<T>(Lock gate, Func<T> change)
    {
        if (Store is not ICareCoordinationStore durable)
        {
            lock (gate)
            {
                return change();
            }
        }

        var (result, completion) = Apply(durable, gate, change, CancellationToken.None);
        completion?.Wait();
        return result;
    }

    /// <summary>
    /// Runs one change like <see cref="Run{T}(Lock, Func{T})"/> and awaits its durability. Cancelled before the change
    /// is queued, nothing happened; once it is queued, it completes.
    /// </summary>
    public async Task<T> RunAsync<T>(Lock gate, Func<T> change, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Store is not ICareCoordinationStore durable)
        {
            lock (gate)
            {
                return change();
            }
        }

        var (result, completion) = Apply(durable, gate, change, cancellationToken);
        if (completion is not null)
        {
            await completion.WaitAsync().ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>The in-memory half of an operation: the writer lock first, then the area's, and the change queued before both are let go.</summary>
    private static (T Result, ChangeScope.Completion? Completion) Apply<T>(ICareCoordinationStore durable, Lock gate, Func<T> change, CancellationToken cancellationToken)
    {
        lock (ChangeScope.WriterOf(durable))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (gate)
            {
                using var scope = ChangeScope.Begin(durable);
                var outerGate = scope.Gate;
                scope.Gate = gate;
                T result;
                try
                {
                    result = change();
                }
                finally
                {
                    scope.Gate = outerGate;
                }

                return (result, scope.Complete());
            }
        }
    }

    /// <summary>
    /// Runs a read under the area's lock once no change to the store is pending: an area keeps no record of which change
    /// touched what, so it waits, conservatively, until everything queued before it is durable (or rolled back, when the
    /// read runs again). A read made by an operation under way sees that operation's state and never waits.
    /// </summary>
    public T Read<T>(Lock gate, Func<T> read)
    {
        var committer = Store is ICareCoordinationStore durable && !IsReadingOrWriting(durable) ? GroupCommitter.For(durable) : null;
        while (true)
        {
            long pending;
            lock (gate)
            {
                pending = committer?.LastSequence ?? 0;
                if (pending <= (committer?.Settled ?? 0))
                {
                    t_readDepth++;
                    try
                    {
                        return read();
                    }
                    finally
                    {
                        t_readDepth--;
                    }
                }
            }

            committer!.WaitSettled(pending);
        }
    }

    /// <summary>
    /// Tells whether this thread is inside an operation on the store (it holds the writer lock) or inside another read
    /// (it holds an area's lock): then a read must not wait for the committer, which may need that lock to roll back.
    /// </summary>
    internal static bool IsReadingOrWriting(ICareCoordinationStore store) => t_readDepth > 0 || ChangeScope.WriterOf(store).IsHeldByCurrentThread;

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
