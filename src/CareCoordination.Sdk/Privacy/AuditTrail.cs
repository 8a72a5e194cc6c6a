using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The append-only, tamper-evident audit trail (<em>logging volgens NEN 7513</em>): every access to and change of a
/// person's data, each record chained to the one before by a SHA-256 hash. <see cref="Verify()"/> reports the first
/// broken link. Persons appear only by keyed pseudonym, so that the trail can outlive the data for its own retention
/// period.
/// </summary>
/// <remarks>
/// Thread-safe: appends are serialised, so the chain has one order. There is no API to change or remove a single
/// record; <see cref="PurgeBefore"/> drops only whole leading stretches past retention and keeps the hash of the
/// last dropped record as the new start of the chain.
/// </remarks>
public sealed class AuditTrail
{
    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly List<AuditRecord> _records = [];
    private readonly IAuditSink? _sink;
    private string _genesis = AuditRecord.GenesisHash;
    private long _sequence;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="pseudonymiser">Turns BSNs into the pseudonyms the trail records.</param>
    /// <param name="clock">The clock.</param>
    public AuditTrail(Pseudonymiser pseudonymiser, IClock clock)
    {
        Pseudonymiser = Guard.NotNull(pseudonymiser);
        _clock = Guard.NotNull(clock);
    }

    /// <summary>Initializes a trail kept in a durable sink: it continues the stored chain, and writes every record to the sink before it returns.</summary>
    /// <param name="pseudonymiser">Turns BSNs into the pseudonyms the trail records.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="sink">The durable sink.</param>
    public AuditTrail(Pseudonymiser pseudonymiser, IClock clock, IAuditSink sink)
        : this(pseudonymiser, clock)
    {
        _sink = Guard.NotNull(sink);
        var stored = sink.LoadAuditTrail();
        _genesis = stored.Genesis;
        _records.AddRange(stored.Records);
        _sequence = _records.Count > 0 ? _records[^1].Sequence : stored.GenesisSequence;
    }

    /// <summary>Gets the pseudonymiser.</summary>
    public Pseudonymiser Pseudonymiser { get; }

    /// <summary>Gets the number of records kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Gets the hash the first kept record chains to: <see cref="AuditRecord.GenesisHash"/>, or the last purged record's hash.</summary>
    public string Genesis
    {
        get
        {
            lock (_gate)
            {
                return _genesis;
            }
        }
    }

    /// <summary>Gets the hash of the newest record (or <see cref="Genesis"/> when none is kept): the anchor to verify a copy against, since a chain alone cannot show that its newest records were cut off or re-hashed.</summary>
    public string Head
    {
        get
        {
            lock (_gate)
            {
                return _records.Count > 0 ? _records[^1].Hash : _genesis;
            }
        }
    }

    /// <summary>Verifies a sequence of records, for example an export or a copy read back from a store, against the trail's head.</summary>
    /// <param name="records">The records, in order.</param>
    /// <param name="genesis">The hash the first record chains to.</param>
    /// <param name="head">The hash the newest record must have (<see cref="Head"/> of the trail, kept apart from the copy).</param>
    /// <returns>Intact, or the first broken link.</returns>
    public static AuditVerification Verify(IReadOnlyList<AuditRecord> records, string genesis, string head)
    {
        var chain = Verify(records, genesis);
        if (!chain.IsIntact)
        {
            return chain;
        }

        var last = records.Count > 0 ? records[^1].Hash : genesis;
        return string.Equals(last, Guard.NotNull(head), StringComparison.Ordinal)
            ? chain
            : new AuditVerification(false, records.Count > 0 ? records[^1].Sequence : 1, "the newest record does not match the trail's head: records at the end were changed or removed", records.Count);
    }

    /// <summary>Verifies a sequence of records from its start: every link, content and sequence number. It cannot see records cut off at the end; use the overload with the trail's head for that.</summary>
    /// <param name="records">The records, in order.</param>
    /// <param name="genesis">The hash the first record chains to.</param>
    /// <returns>Intact, or the first broken link.</returns>
    public static AuditVerification Verify(IReadOnlyList<AuditRecord> records, string genesis)
    {
        Guard.NotNull(records);
        var previous = Guard.NotNull(genesis);
        long? expected = null;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            string? problem = null;
            if (expected is { } next && record.Sequence != next)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"expected record #{next}, found #{record.Sequence}: a record is missing or out of order");
            }
            else if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                problem = "the record does not chain to the one before it: a record before it was changed, removed or moved";
            }
            else if (!string.Equals(record.ComputeHash(), record.Hash, StringComparison.Ordinal))
            {
                problem = "the record's content does not match its hash: it was changed";
            }

            if (problem is not null)
            {
                return new AuditVerification(false, expected ?? record.Sequence, problem, records.Count);
            }

            previous = record.Hash;
            expected = record.Sequence + 1;
        }

        return new AuditVerification(true, null, "intact", records.Count);
    }

    /// <summary>Appends a record of an access or change.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="subject">The person concerned, or <see langword="null"/> when the access concerned no single person.</param>
    /// <param name="action">What the access did.</param>
    /// <param name="data">Which data.</param>
    /// <param name="detail">Which item, for example <c>case-3</c>; never a BSN or a name.</param>
    /// <param name="basis">On what basis; <see langword="null"/> for a refused access.</param>
    /// <param name="basisReference">The consent or legal-basis record relied on, if any.</param>
    /// <param name="flaggedForReview">Whether a privacy officer must review the access.</param>
    /// <returns>The record.</returns>
    public AuditRecord Append(Actor actor, Bsn? subject, AuditAction action, DataCategory data, string detail, AccessBasis? basis, string? basisReference = null, bool flaggedForReview = false)
    {
        Guard.NotNull(actor);
        Guard.NotBlank(detail);
        var pseudonym = subject is { } bsn ? Pseudonymiser.Of(bsn) : default;
        lock (_gate)
        {
            var previous = _records.Count > 0 ? _records[^1].Hash : _genesis;
            var record = AuditRecord.Seal(_sequence + 1, _clock.GetCurrentInstant(), actor.UserId, actor.Role, actor.Organisation, actor.System, pseudonym, action, data, detail, basis, basisReference, flaggedForReview, previous);
            _sink?.AppendAudit(record);
            _records.Add(record);
            _sequence++;
            return record;
        }
    }

    /// <summary>Returns a copy of every record kept, in order.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<AuditRecord> Export()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    /// <summary>Returns the records about one person.</summary>
    /// <param name="subject">The person.</param>
    /// <returns>The records, in order.</returns>
    internal IReadOnlyList<AuditRecord> About(Bsn subject)
    {
        var pseudonym = Pseudonymiser.Of(subject);
        lock (_gate)
        {
            return [.. _records.Where(r => r.Subject == pseudonym)];
        }
    }

    /// <summary>Returns the records a privacy officer must review: accesses without consent.</summary>
    /// <returns>The records, in order.</returns>
    public IReadOnlyList<AuditRecord> FlaggedForReview()
    {
        lock (_gate)
        {
            return [.. _records.Where(r => r.FlaggedForReview)];
        }
    }

    /// <summary>Verifies the kept records from <see cref="Genesis"/>.</summary>
    /// <returns>Intact, or the first broken link.</returns>
    public AuditVerification Verify()
    {
        lock (_gate)
        {
            return Verify(_records, _genesis);
        }
    }

    /// <summary>Drops the records older than the trail's retention allows; the chain stays verifiable from the last dropped record's hash.</summary>
    /// <param name="cutoff">Records before this instant are dropped.</param>
    /// <returns>How many records were dropped.</returns>
    public int PurgeBefore(Instant cutoff)
    {
        lock (_gate)
        {
            var count = _records.TakeWhile(r => r.At < cutoff).Count();
            if (count > 0)
            {
                _sink?.PurgeAudit(_records[count - 1].Sequence, _records[count - 1].Hash);
                _genesis = _records[count - 1].Hash;
                _records.RemoveRange(0, count);
            }

            return count;
        }
    }
}
