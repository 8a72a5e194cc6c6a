using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// A store in front of a real one that holds the change sets it is handed and writes them as one merged change set when
/// told, as the group committer merges concurrent operations: it lets a test choose which operations share a commit.
/// </summary>
internal sealed class GroupingStore(ICareCoordinationStore inner) : ICareCoordinationStore
{
    private readonly List<ChangeSet> _held = [];

    /// <summary>Writes every held change set to the real store as one, in the order they were handed over.</summary>
    public void Flush()
    {
        if (_held.Count == 0)
        {
            return;
        }

        var merged = new ChangeSet();
        foreach (var changes in _held)
        {
            foreach (var commit in changes.SignalCommits)
            {
                merged.Add(commit);
            }

            foreach (var family in changes.Families)
            {
                merged.Add(family);
            }

            foreach (var stream in changes.Streams)
            {
                merged.Add(stream);
            }

            foreach (var record in changes.AuditRecords)
            {
                merged.Add(record);
            }
        }

        _held.Clear();
        inner.Commit(merged);
    }

    public void Commit(ChangeSet changes) => _held.Add(changes);

    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    public void SaveFamily(StoredFamily family) => Commit(new ChangeSet().Add(new FamilyChange(family.Id, family)));

    public void RemoveFamily(FamilyId family) => Commit(new ChangeSet().Add(new FamilyChange(family, null)));

    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events) =>
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, expectedVersion, events)));

    public void EraseStream(string kind, string stream, StreamEvent tombstone) => Commit(new ChangeSet().Add(new StreamChange(kind, stream, null, [tombstone])));

    public void AppendAudit(AuditRecord record) => Commit(new ChangeSet().Add(record));

    public void Load(IStoredIndexSink sink) => inner.Load(sink);

    public IReadOnlyList<StoredHistory> ReadStreams(string kind) => inner.ReadStreams(kind);

    public StoredAuditTrail LoadAuditTrail() => inner.LoadAuditTrail();

    public void PurgeAudit(long throughSequence, string genesis) => inner.PurgeAudit(throughSequence, genesis);

    public string? ReadYouthKeying() => inner.ReadYouthKeying();

    public void WriteYouthKeying(string keying) => inner.WriteYouthKeying(keying);
}
