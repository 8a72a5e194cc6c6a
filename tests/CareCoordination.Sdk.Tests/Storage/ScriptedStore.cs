using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// The Testing package's in-memory store, with a script for its next commits: a commit can be held until the test opens
/// its gate, and then succeed or fail as a full disk would. It counts the change sets it was handed and wrote.
/// </summary>
internal sealed class ScriptedStore : ChangeSetStore
{
    private readonly ConcurrentQueue<(ManualResetEventSlim Gate, Exception? Failure)> _script = new();
    private int _entered;
    private int _written;

    public ScriptedStore()
        : this(new InMemoryCareCoordinationStore())
    {
    }

    private ScriptedStore(InMemoryCareCoordinationStore inner)
        : base(inner) => Inner = inner;

    public InMemoryCareCoordinationStore Inner { get; }

    /// <summary>Gets how many change sets the store was handed.</summary>
    public int Entered => Volatile.Read(ref _entered);

    /// <summary>Gets how many change sets the store wrote.</summary>
    public int Written => Volatile.Read(ref _written);

    /// <summary>Holds the next commit not yet scripted until the returned gate opens; then it writes, or fails when <paramref name="fail"/>.</summary>
    public ManualResetEventSlim Hold(bool fail = false) => Hold(fail ? new IOException("The disk is full.") : null);

    /// <summary>Holds the next commit not yet scripted until the returned gate opens; then it fails with <paramref name="failure"/>, or writes when it is <see langword="null"/>.</summary>
    public ManualResetEventSlim Hold(Exception? failure)
    {
        var gate = new ManualResetEventSlim();
        _script.Enqueue((gate, failure));
        return gate;
    }

    public override void Commit(ChangeSet changes)
    {
        Interlocked.Increment(ref _entered);
        if (_script.TryDequeue(out var step))
        {
            step.Gate.Wait();
            if (step.Failure is { } failure)
            {
                throw failure;
            }
        }

        Inner.Commit(changes);
        Interlocked.Increment(ref _written);
    }

    // Audit records bypass the script: a held or failing commit scripts the index and the areas, not the trail.
    public override void AppendAudit(AuditRecord record) => Inner.AppendAudit(record);
}
