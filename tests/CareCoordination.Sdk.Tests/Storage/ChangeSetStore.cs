using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// A test store in front of a real one: every write becomes a change set for <see cref="Commit(ChangeSet)"/>, which the
/// test store decides about (hold it, fail it, merge it); every read goes to the real store.
/// </summary>
internal abstract class ChangeSetStore(ICareCoordinationStore inner) : ICareCoordinationStore
{
    public abstract void Commit(ChangeSet changes);

    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    public void SaveFamily(StoredFamily family) => Commit(new ChangeSet().Add(new FamilyChange(family.Id, family)));

    public void RemoveFamily(FamilyId family) => Commit(new ChangeSet().Add(new FamilyChange(family, null)));

    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events) =>
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, expectedVersion, events)));

    public void EraseStream(string kind, string stream, StreamEvent tombstone) => Commit(new ChangeSet().Add(new StreamChange(kind, stream, null, [tombstone])));

    public virtual void AppendAudit(AuditRecord record) => Commit(new ChangeSet().Add(record));

    public void Load(IStoredIndexSink sink) => inner.Load(sink);

    public IReadOnlyList<StoredHistory> ReadStreams(string kind) => inner.ReadStreams(kind);

    public StoredAuditTrail LoadAuditTrail() => inner.LoadAuditTrail();

    public void PurgeAudit(long throughSequence, string genesis) => inner.PurgeAudit(throughSequence, genesis);

    public string? ReadYouthKeying() => inner.ReadYouthKeying();

    public void WriteYouthKeying(string keying) => inner.WriteYouthKeying(keying);
}
