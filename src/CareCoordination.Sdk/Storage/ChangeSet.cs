using System.Collections.Generic;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Everything one operation changes, in every area that took part — the reference index's signals and families, the
/// streams of cases, plans, consents, legal bases and information obligations, and the audit records — for a store to
/// commit in one transaction: all of it, or none of it.
/// </summary>
/// <remarks>
/// The SDK builds a change set while an operation runs and hands it to <see cref="ICareCoordinationStore.Commit(ChangeSet)"/>
/// once; events, notifications and metrics go out only after that call returns. A store applies the parts in the order of
/// the lists: the signal commits, then the families, then the stream changes, then the audit records. Not thread-safe:
/// one operation builds it. A store's single-write methods are a change set of one part.
/// </remarks>
public sealed class ChangeSet
{
    private readonly List<SignalCommit> _signals = [];
    private readonly List<FamilyChange> _families = [];
    private readonly List<StreamChange> _streams = [];
    private readonly List<AuditRecord> _audit = [];

    /// <summary>Gets the reference index's changes, in order.</summary>
    public IReadOnlyList<SignalCommit> SignalCommits => _signals;

    /// <summary>Gets the families written or removed, in order.</summary>
    public IReadOnlyList<FamilyChange> Families => _families;

    /// <summary>Gets the stream appends and replacements, in order; several may concern one stream.</summary>
    public IReadOnlyList<StreamChange> Streams => _streams;

    /// <summary>Gets the audit records to append, in sequence order.</summary>
    public IReadOnlyList<AuditRecord> AuditRecords => _audit;

    /// <summary>Gets a value indicating whether the change set changes nothing.</summary>
    public bool IsEmpty => _signals.Count == 0 && _families.Count == 0 && _streams.Count == 0 && _audit.Count == 0;

    /// <summary>Gets the number of writes in the change set: one per signal commit, family, stream change and audit record.</summary>
    public int Count => _signals.Count + _families.Count + _streams.Count + _audit.Count;

    /// <summary>Adds a change of the reference index.</summary>
    /// <param name="commit">The change.</param>
    /// <returns>This change set.</returns>
    public ChangeSet Add(SignalCommit commit)
    {
        _signals.Add(Internal.Guard.NotNull(commit));
        return this;
    }

    /// <summary>Adds a family written or removed.</summary>
    /// <param name="family">The change.</param>
    /// <returns>This change set.</returns>
    public ChangeSet Add(FamilyChange family)
    {
        _families.Add(Internal.Guard.NotNull(family));
        return this;
    }

    /// <summary>Adds a stream append or replacement.</summary>
    /// <param name="stream">The change.</param>
    /// <returns>This change set.</returns>
    public ChangeSet Add(StreamChange stream)
    {
        _streams.Add(Internal.Guard.NotNull(stream));
        return this;
    }

    /// <summary>Adds an audit record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>This change set.</returns>
    public ChangeSet Add(AuditRecord record)
    {
        _audit.Add(Internal.Guard.NotNull(record));
        return this;
    }

    /// <summary>
    /// Adds everything another change set holds after what this one holds. A store applies a change set's signal
    /// commits, then its families, then its streams, then its audit records; each list keeps its order, and the lists
    /// touch different tables, so the merged set writes what the two wrote one after the other.
    /// </summary>
    /// <param name="other">The later change set.</param>
    /// <returns>This change set.</returns>
    internal ChangeSet AddAll(ChangeSet other)
    {
        _signals.AddRange(other._signals);
        _families.AddRange(other._families);
        _streams.AddRange(other._streams);
        _audit.AddRange(other._audit);
        return this;
    }
}
