using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>
/// The append-only, tamper-evident audit trail (<em>logging volgens NEN 7513</em>): every access to and change of a
/// person's data, each record chained to the one before by an HMAC-SHA256 under the host's
/// <see cref="AuditChainKey"/>, which the store never holds. Once records are durable the trail publishes a signed
/// <see cref="AuditCheckpoint"/> of its durable head to an <see cref="IAuditCheckpointSink"/> outside the store, verifies the
/// stored chain against the newest checkpoint when it opens, and again on <see cref="Verify()"/>. Persons appear only
/// by keyed pseudonym, so that the trail can outlive the data for its own retention period.
/// </summary>
/// <remarks>
/// Thread-safe: appends are serialised, so the chain has one order. There is no API to change or remove a single
/// record; <see cref="PurgeBefore"/> drops only whole leading stretches past retention and leaves a keyed purge record
/// in the chain, which verification requires for every purged start. Sequence numbers are never reused: after a cut
/// the trail continues after the highest number the store or the checkpoint knows.
/// </remarks>
public sealed class AuditTrail
{
    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly AuditChainKey _key;
    private readonly List<AuditRecord> _records = [];
    private readonly IAuditSink? _sink;
    private readonly IAuditCheckpointSink? _checkpoints;
    private string _genesis = AuditRecord.GenesisHash;
    private long _genesisSequence;
    private long _keyedFrom;
    private long _sequence;
    private AuditCheckpoint? _lastCheckpoint;

    // The newest record known durable whose checkpoint is not yet published; under _gate.
    private AuditRecord? _durableHead;

    /// <summary>Initializes a trail kept in memory only, for example in tests or a host without a store.</summary>
    /// <param name="pseudonymiser">Turns BSNs into the pseudonyms the trail records.</param>
    /// <param name="key">The chain key.</param>
    /// <param name="clock">The clock.</param>
    public AuditTrail(Pseudonymiser pseudonymiser, AuditChainKey key, IClock clock)
    {
        Pseudonymiser = Guard.NotNull(pseudonymiser);
        _key = Guard.NotNull(key);
        _clock = Guard.NotNull(clock);
        _keyedFrom = 1;
        VerificationAtOpen = new AuditVerification(true, null, "intact", 0);
    }

    /// <summary>
    /// Opens a trail kept in a durable sink and anchored in a checkpoint sink: it verifies the stored chain against
    /// the newest checkpoint, continues it, writes every record to the sink before it returns and publishes a
    /// checkpoint after it. A trail of an earlier SDK (unkeyed) is adopted: its head is checkpointed at once and every
    /// new record is keyed.
    /// </summary>
    /// <param name="pseudonymiser">Turns BSNs into the pseudonyms the trail records.</param>
    /// <param name="key">The chain key.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="sink">The durable sink, usually the store.</param>
    /// <param name="checkpoints">Where the checkpoints go, outside the store.</param>
    /// <param name="refuseBrokenChain">
    /// Whether a chain that does not verify stops the open (the default). With <see langword="false"/> the trail opens,
    /// <see cref="VerificationAtOpen"/> reports the break, and new records continue after the highest sequence number
    /// known, so that the break stays visible.
    /// </param>
    /// <exception cref="AuditTrailBrokenException">The chain does not verify and <paramref name="refuseBrokenChain"/> is set.</exception>
    public AuditTrail(Pseudonymiser pseudonymiser, AuditChainKey key, IClock clock, IAuditSink sink, IAuditCheckpointSink checkpoints, bool refuseBrokenChain = true)
        : this(pseudonymiser, key, clock)
    {
        _sink = Guard.NotNull(sink);
        _checkpoints = Guard.NotNull(checkpoints);
        var stored = sink.LoadAuditTrail();
        var latest = checkpoints.ReadLatest();
        VerificationAtOpen = AuditChainVerifier.Verify(stored, key, latest);
        if (!VerificationAtOpen.IsIntact && refuseBrokenChain)
        {
            throw new AuditTrailBrokenException(VerificationAtOpen);
        }

        _genesis = stored.Genesis;
        _genesisSequence = stored.GenesisSequence;
        _records.AddRange(stored.Records);
        _durableHead = _records.Count > 0 ? _records[^1] : null;
        var storedLast = _records.Count > 0 ? _records[^1].Sequence : stored.GenesisSequence;
        var trusted = latest?.IsSignedBy(key) == true ? latest : null;
        _sequence = Math.Max(storedLast, trusted?.Sequence ?? 0);
        _keyedFrom = Math.Min(_sequence + 1, trusted?.KeyedFrom ?? long.MaxValue);
        if (_records.FirstOrDefault(r => r.IsKeyed) is { } firstKeyed)
        {
            _keyedFrom = Math.Min(_keyedFrom, firstKeyed.Sequence);
        }

        if (latest is null && storedLast > 0)
        {
            PublishCheckpoint();
        }
        else
        {
            _lastCheckpoint = latest;
        }
    }

    /// <summary>Gets the pseudonymiser.</summary>
    public Pseudonymiser Pseudonymiser { get; }

    /// <summary>Gets the outcome of the verification when the trail opened.</summary>
    public AuditVerification VerificationAtOpen { get; }

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

    /// <summary>Gets the hash of the newest record (or <see cref="Genesis"/> when none is kept).</summary>
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

    /// <summary>Gets the newest checkpoint the trail published or opened with, if any.</summary>
    public AuditCheckpoint? LastCheckpoint
    {
        get
        {
            lock (_gate)
            {
                return _lastCheckpoint;
            }
        }
    }

    /// <summary>
    /// Verifies a stored trail, for example a copy read back from a store or a backup: every link, sequence number and
    /// keyed hash, every purged start against a signed purge record, and the end against the checkpoint.
    /// </summary>
    /// <param name="stored">The stored trail.</param>
    /// <param name="key">The chain key.</param>
    /// <param name="checkpoint">The newest checkpoint from outside the store; without one, records cut off at the end or a trail deleted as a whole cannot be seen.</param>
    /// <returns>Intact, or the first broken link.</returns>
    public static AuditVerification Verify(StoredAuditTrail stored, AuditChainKey key, AuditCheckpoint? checkpoint) =>
        AuditChainVerifier.Verify(Guard.NotNull(stored), Guard.NotNull(key), checkpoint);

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
        return Write(() => Keep(actor.UserId, actor.Role, actor.Organisation, actor.System, pseudonym, action, data, detail, basis, basisReference, flaggedForReview));
    }

    /// <summary>
    /// Records an access the access rules decided: allowed, with the action, its basis and the review flag; refused, as a
    /// refusal naming the rule and flagged for review. The caller throws for a refusal once every person is recorded.
    /// </summary>
    internal void RecordDecision(Actor actor, Bsn? subject, AuditAction action, DataCategory data, string detail, AccessDecision decision)
    {
        if (decision.IsAllowed)
        {
            Append(actor, subject, action, data, detail, decision.Basis, decision.BasisReference, decision.FlagForReview);
        }
        else
        {
            Append(actor, subject, AuditAction.Refused, data, detail + " (" + decision.Rule + ")", null, null, flaggedForReview: true);
        }
    }

    /// <summary>Returns a copy of every record kept, in order: for <see cref="PersonDataAccess.GetAuditTrail"/>, which checks the reader's role and records the read.</summary>
    /// <returns>The records.</returns>
    internal IReadOnlyList<AuditRecord> Export()
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

    /// <summary>Returns the records a privacy officer must review (accesses without consent); reading them is itself recorded.</summary>
    /// <param name="actor">An auditor or privacy officer.</param>
    /// <returns>The records, in order, as of before this read was recorded.</returns>
    /// <exception cref="AccessDeniedException">The actor is no auditor; the refusal is recorded.</exception>
    public IReadOnlyList<AuditRecord> FlaggedForReview(Actor actor)
    {
        var decision = AccessRules.DecideWithoutPerson(Guard.NotNull(actor), DataCategory.AuditTrail);
        IReadOnlyList<AuditRecord> flagged = [];
        Write(() =>
        {
            flagged = decision.IsAllowed ? [.. _records.Where(r => r.FlaggedForReview)] : [];
            return Keep(actor.UserId, actor.Role, actor.Organisation, actor.System, default, decision.IsAllowed ? AuditAction.Read : AuditAction.Refused, DataCategory.AuditTrail, "records flagged for review", decision.IsAllowed ? decision.Basis : null, null, !decision.IsAllowed);
        });
        decision.ThrowIfRefused();
        return flagged;
    }

    /// <summary>
    /// Verifies the trail as the store holds it now (re-read from the sink, when there is one) against the newest
    /// checkpoint: a change made to the store behind the trail's back shows here.
    /// </summary>
    /// <returns>Intact, or the first broken link.</returns>
    public AuditVerification Verify()
    {
        lock (_gate)
        {
            var stored = _sink?.LoadAuditTrail() ?? new StoredAuditTrail(_genesis, _genesisSequence, [.. _records]);
            return AuditChainVerifier.Verify(stored, _key, _lastCheckpoint ?? _checkpoints?.ReadLatest());
        }
    }

    /// <summary>
    /// Drops the records older than the trail's retention allows. A keyed purge record that names the last dropped
    /// record and its hash is appended first, so that verification can tell this purge from records removed by
    /// someone else; the chain stays verifiable from the last dropped record's hash.
    /// </summary>
    /// <param name="cutoff">Records before this instant are dropped.</param>
    /// <returns>How many records were dropped.</returns>
    public int PurgeBefore(Instant cutoff)
    {
        AuditRecord? last = null;
        var count = 0;
        Write(() =>
        {
            count = _records.TakeWhile(r => r.At < cutoff).Count();
            if (count == 0)
            {
                return null;
            }

            last = _records[count - 1];
            return Keep("audit-retention", ActorRole.Auditor, null, "CareCoordination.Sdk", default, AuditAction.Delete, DataCategory.AuditTrail, AuditRecord.PurgeDetail(last.Sequence, last.Hash, cutoff), AccessBasis.AuditDuty, null, false);
        });
        if (last is null)
        {
            return 0;
        }

        // The purge record is durable now; the purged records are long past any operation still queued.
        lock (_gate)
        {
            _sink?.PurgeAudit(last.Sequence, last.Hash);
            _genesis = last.Hash;
            _genesisSequence = last.Sequence;
            _records.RemoveRange(0, count);
            PublishCheckpoint();
        }

        return count;
    }

    /// <summary>
    /// Appends the record <paramref name="keep"/> seals and keeps under the trail's lock, and returns once it is
    /// durable. On a store that commits change sets the record joins the operation under way on this thread (it is then
    /// part of that operation's one commit, and undone with it), or else queues as an operation of its own with the
    /// store's group committer, so that concurrent reads share one flush instead of one each, and the chain reaches the
    /// store in the order it was sealed. Its checkpoint is published once it is durable.
    /// </summary>
    private AuditRecord Write(Func<AuditRecord?> keep)
    {
        if (_sink is not ICareCoordinationStore store)
        {
            AuditRecord? kept;
            lock (_gate)
            {
                kept = keep();
                if (kept is not null)
                {
                    try
                    {
                        _sink?.AppendAudit(kept);
                    }
                    catch
                    {
                        Forget(kept);
                        throw;
                    }

                    _durableHead = kept;
                    PublishCheckpoint();
                }
            }

            return kept!;
        }

        if (ChangeScope.Current(store) is { } scope)
        {
            AuditRecord? joined;
            lock (_gate)
            {
                joined = keep();
            }

            if (joined is not null)
            {
                scope.Add(joined);
                scope.OnUndo(_gate, () => Forget(joined));
                scope.OnCommitted(() => Durable(joined));
                scope.AfterDurable(PublishDurableHead);
            }

            return joined!;
        }

        var committer = GroupCommitter.For(store);
        System.Diagnostics.Debug.Assert(!committer.Writer.IsHeldByCurrentThread, "a record written while this thread holds the writer lock belongs to the operation under way");
        AuditRecord? record;
        GroupCommitter.Ticket ticket;
        lock (committer.Writer)
        {
            lock (_gate)
            {
                record = keep();
            }

            if (record is null)
            {
                return null!;
            }

            ticket = committer.Enqueue(new ChangeSet().Add(record), [(_gate, () => Forget(record))], [() => Durable(record)]);
        }

        ticket.Wait();
        PublishDurableHead();
        return record;
    }

    /// <summary>Seals the next record onto the chain and keeps it in memory; call under the trail's lock.</summary>
    private AuditRecord Keep(string userId, ActorRole role, Organisations.OrganisationId? organisation, string system, PersonPseudonym subject, AuditAction action, DataCategory data, string detail, AccessBasis? basis, string? basisReference, bool flaggedForReview)
    {
        var previous = _records.Count > 0 ? _records[^1].Hash : _genesis;
        var record = AuditRecord.Seal(_sequence + 1, _clock.GetCurrentInstant(), userId, role, organisation, system, subject, action, data, detail, basis, basisReference, flaggedForReview, previous, _key);
        _records.Add(record);
        _sequence++;
        return record;
    }

    /// <summary>Takes back the newest record, whose commit failed: it never reached the store, so its number was never published.</summary>
    private void Forget(AuditRecord record)
    {
        if (_records.Count > 0 && ReferenceEquals(_records[^1], record))
        {
            _records.RemoveAt(_records.Count - 1);
            _sequence--;
        }
    }

    /// <summary>Notes, on the committer's thread, that a record is durable; its checkpoint follows on the caller's thread.</summary>
    private void Durable(AuditRecord record)
    {
        lock (_gate)
        {
            if (_durableHead is null || record.Sequence > _durableHead.Sequence)
            {
                _durableHead = record;
            }
        }
    }

    /// <summary>Publishes a checkpoint of the newest durable record, unless one at least as new is out: one per group commit, not one per record.</summary>
    private void PublishDurableHead()
    {
        lock (_gate)
        {
            PublishCheckpoint();
        }
    }

    private void PublishCheckpoint()
    {
        if (_checkpoints is null)
        {
            return;
        }

        // Only what is durable is anchored: a checkpoint ahead of the store would read as a truncated trail at the next start.
        var head = _durableHead is { } durable && durable.Sequence > _genesisSequence ? durable : null;
        var sequence = head?.Sequence ?? _genesisSequence;
        if (_lastCheckpoint is { } published && published.Sequence >= sequence && published.GenesisSequence == _genesisSequence)
        {
            return;
        }

        var checkpoint = AuditCheckpoint.Sign(sequence, head?.Hash ?? _genesis, _genesisSequence, _genesis, _keyedFrom, _clock.GetCurrentInstant(), _key);
        _checkpoints.Publish(checkpoint);
        _lastCheckpoint = checkpoint;
    }
}
