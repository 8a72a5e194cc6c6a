using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Testing;

/// <summary>
/// Everything an SDK instance keeps, in memory, with the contract of the durable stores: each operation's change set is
/// written whole or not at all, stream versions are checked, and the store can be told to refuse the next commit — to
/// prove in a vendor's tests that a refused write leaves every area as it was.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryCareCoordinationStore : ICareCoordinationStore, ISignalEventReader
{
    private readonly Lock _gate = new();
    private Exception? _nextFailure;

    /// <summary>Gets the signals, families, events and idempotency keys of the reference index.</summary>
    public InMemorySignalStore Signals { get; } = new();

    /// <summary>Gets the aggregates' streams.</summary>
    public InMemoryEventStreamStore Streams { get; } = new();

    /// <summary>Gets the audit trail.</summary>
    public InMemoryAuditSink Audit { get; } = new();

    /// <summary>Makes the next commit throw <paramref name="failure"/> without writing anything.</summary>
    /// <param name="failure">The exception to throw.</param>
    public void FailNextCommit(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        lock (_gate)
        {
            _nextFailure = failure;
        }
    }

    /// <inheritdoc/>
    public void Commit(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            if (_nextFailure is { } failure)
            {
                _nextFailure = null;
                throw failure;
            }

            RequireVersions(changes.Streams);
            foreach (var commit in changes.SignalCommits)
            {
                Signals.Commit(commit);
            }

            foreach (var family in changes.Families)
            {
                if (family.Family is { } members)
                {
                    Signals.SaveFamily(members);
                }
                else
                {
                    Signals.RemoveFamily(family.Id);
                }
            }

            foreach (var change in changes.Streams)
            {
                if (change.ErasesStream)
                {
                    Streams.EraseStream(change.Kind, change.Stream, change.Events[0]);
                }
                else
                {
                    Streams.Append(change.Kind, change.Stream, change.ExpectedVersion!.Value, change.Events);
                }
            }

            foreach (var record in changes.AuditRecords)
            {
                Audit.AppendAudit(record);
            }
        }
    }

    /// <inheritdoc/>
    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    /// <inheritdoc/>
    public void SaveFamily(StoredFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        Commit(new ChangeSet().Add(new FamilyChange(family.Id, family)));
    }

    /// <inheritdoc/>
    public void RemoveFamily(FamilyId family) => Commit(new ChangeSet().Add(new FamilyChange(family, null)));

    /// <inheritdoc/>
    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events) =>
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, expectedVersion, events)));

    /// <inheritdoc/>
    public void EraseStream(string kind, string stream, StreamEvent tombstone) =>
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, null, [tombstone])));

    /// <inheritdoc/>
    public void AppendAudit(AuditRecord record) => Commit(new ChangeSet().Add(record));

    /// <inheritdoc/>
    public void Load(IStoredIndexSink sink) => Signals.Load(sink);

    /// <inheritdoc/>
    public IReadOnlyList<StoredEvent> ReadSignalEvents() => Signals.Events;

    /// <inheritdoc/>
    public IReadOnlyList<StoredHistory> ReadStreams(string kind) => Streams.ReadStreams(kind);

    /// <inheritdoc/>
    public StoredAuditTrail LoadAuditTrail() => Audit.LoadAuditTrail();

    /// <inheritdoc/>
    public void PurgeAudit(long throughSequence, string genesis) => Audit.PurgeAudit(throughSequence, genesis);

    /// <inheritdoc/>
    public string? ReadYouthKeying() => Signals.ReadYouthKeying();

    /// <inheritdoc/>
    public void WriteYouthKeying(string keying) => Signals.WriteYouthKeying(keying);

    /// <summary>Checks every stream change against the versions the streams will have by then, before anything is written.</summary>
    private void RequireVersions(IReadOnlyList<StreamChange> changes)
    {
        var versions = new Dictionary<(string Kind, string Stream), int>();
        foreach (var change in changes)
        {
            var key = (change.Kind, change.Stream);
            if (!versions.TryGetValue(key, out var version))
            {
                version = Streams.ReadStreams(change.Kind).FirstOrDefault(s => s.Id == change.Stream)?.Events.Count ?? 0;
            }

            if (change.ExpectedVersion is { } expected && expected != version)
            {
                throw new StreamVersionConflictException(change.Kind, change.Stream, expected, version);
            }

            versions[key] = change.ErasesStream ? change.Events.Count : version + change.Events.Count;
        }
    }
}
