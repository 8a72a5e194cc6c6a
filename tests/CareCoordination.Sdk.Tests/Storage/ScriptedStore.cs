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
internal sealed class ScriptedStore : ICareCoordinationStore
{
    private readonly ConcurrentQueue<(ManualResetEventSlim Gate, Exception? Failure)> _script = new();
    private int _entered;
    private int _written;

    public InMemoryCareCoordinationStore Inner { get; } = new();

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

    public void Commit(ChangeSet changes)
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

    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    public void SaveFamily(StoredFamily family) => Commit(new ChangeSet().Add(new FamilyChange(family.Id, family)));

    public void RemoveFamily(FamilyId family) => Commit(new ChangeSet().Add(new FamilyChange(family, null)));

    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events) =>
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, expectedVersion, events)));

    public void EraseStream(string kind, string stream, StreamEvent tombstone) => Commit(new ChangeSet().Add(new StreamChange(kind, stream, null, [tombstone])));

    public void AppendAudit(AuditRecord record) => Inner.AppendAudit(record);

    public void Load(IStoredIndexSink sink) => Inner.Load(sink);

    public IReadOnlyList<StoredHistory> ReadStreams(string kind) => Inner.ReadStreams(kind);

    public StoredAuditTrail LoadAuditTrail() => Inner.LoadAuditTrail();

    public void PurgeAudit(long throughSequence, string genesis) => Inner.PurgeAudit(throughSequence, genesis);

    public string? ReadYouthKeying() => Inner.ReadYouthKeying();

    public void WriteYouthKeying(string keying) => Inner.WriteYouthKeying(keying);
}
