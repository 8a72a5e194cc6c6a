using System;
using System.Collections.Generic;
using System.Globalization;
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
/// the trail continues after the highest number the store or the checkpoint knows. A privacy officer rotates the
/// chain key and the pseudonymiser with <see cref="RotateKeys"/> to the newest epoch of the trail's
/// <see cref="AuditKeyRing"/>: earlier records keep verifying under the retired key.
/// </remarks>
public sealed partial class AuditTrail
{
    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly AuditKeyRing _keys;
    private readonly List<AuditRecord> _records = [];
    private readonly IAuditSink? _sink;
    private readonly IAuditCheckpointSink? _checkpoints;
    private string _genesis = AuditRecord.GenesisHash;
    private long _genesisSequence;
    private long _keyedFrom;
    private long _sequence;
    private AuditCheckpoint? _lastCheckpoint;

    // The key epoch new records are sealed under; it moves only at a rotation record. Under _gate.
    private int _epoch;

    // The newest record known durable whose checkpoint is not yet published; under _gate.
    private AuditRecord? _durableHead;

    /// <summary>Initializes a trail kept in memory only, for example in tests or a host without a store.</summary>
    /// <param name="pseudonymiser">Turns BSNs into the pseudonyms the trail records.</param>
    /// <param name="key">The chain key.</param>
    /// <param name="clock">The clock.</param>
    public AuditTrail(Pseudonymiser pseudonymiser, AuditChainKey key, IClock clock)
        : this(new AuditKeyRing(key, pseudonymiser), clock)
    {
    }

    /// <summary>Initializes a trail kept in memory only, sealed under the newest epoch of a key ring.</summary>
    /// <param name="keys">The chain keys and pseudonymisers by key epoch.</param>
    /// <param name="clock">The clock.</param>
    public AuditTrail(AuditKeyRing keys, IClock clock)
    {
        _keys = Guard.NotNull(keys);
        _clock = Guard.NotNull(clock);
        _epoch = keys.NewestEpoch;
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
    /// <exception cref="AuditTrailBrokenException">The chain does not verify (also when the checkpoint sink lost the checkpoints of a trail anchored before) and <paramref name="refuseBrokenChain"/> is set.</exception>
    public AuditTrail(Pseudonymiser pseudonymiser, AuditChainKey key, IClock clock, IAuditSink sink, IAuditCheckpointSink checkpoints, bool refuseBrokenChain = true)
        : this(new AuditKeyRing(key, pseudonymiser), clock, sink, checkpoints, refuseBrokenChain)
    {
    }

    /// <summary>
    /// Opens a trail kept in a durable sink and anchored in a checkpoint sink, with the keys of every key epoch its
    /// records and checkpoint were sealed under: it verifies each record under its epoch's key, and continues in the
    /// epoch the trail is in (a fresh trail in the ring's newest) until a privacy officer calls <see cref="RotateKeys"/>.
    /// </summary>
    /// <param name="keys">The chain keys and pseudonymisers by key epoch: the trail's current epoch and every retired one it still keeps records of.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="sink">The durable sink, usually the store.</param>
    /// <param name="checkpoints">Where the checkpoints go, outside the store.</param>
    /// <param name="refuseBrokenChain">Whether a chain that does not verify stops the open (pass <see langword="true"/> unless an operator investigates a break; see the other constructor).</param>
    /// <exception cref="AuditTrailBrokenException">The chain does not verify (also when a key epoch it needs is not in the ring, or the checkpoint sink lost the checkpoints of a trail anchored before) and <paramref name="refuseBrokenChain"/> is set.</exception>
    /// <exception cref="ArgumentException">The ring holds no pseudonymiser for the epoch the trail is in, so new records could not name persons as the earlier ones do.</exception>
    public AuditTrail(AuditKeyRing keys, IClock clock, IAuditSink sink, IAuditCheckpointSink checkpoints, bool refuseBrokenChain)
        : this(keys, clock)
    {
        _sink = Guard.NotNull(sink);
        _checkpoints = Guard.NotNull(checkpoints);
        var stored = sink.LoadAuditTrail();
        var latest = checkpoints.ReadLatest();
        VerificationAtOpen = (latest is null ? AuditChainVerifier.CheckpointsLost(stored) : null) ?? AuditChainVerifier.Verify(stored, keys, latest);
        if (!VerificationAtOpen.IsIntact && refuseBrokenChain)
        {
            throw new AuditTrailBrokenException(VerificationAtOpen);
        }

        _genesis = stored.Genesis;
        _genesisSequence = stored.GenesisSequence;
        _records.AddRange(stored.Records);
        _durableHead = _records.Count > 0 ? _records[^1] : null;
        var storedLast = _records.Count > 0 ? _records[^1].Sequence : stored.GenesisSequence;
        var trusted = latest is not null && keys.ChainKeyOf(latest.KeyEpoch) is { } latestKey && latest.IsSignedBy(latestKey) ? latest : null;
        _sequence = Math.Max(storedLast, trusted?.Sequence ?? 0);
        _keyedFrom = Math.Min(_sequence + 1, trusted?.KeyedFrom ?? long.MaxValue);
        if (_records.FirstOrDefault(r => r.IsKeyed) is { } firstKeyed)
        {
            _keyedFrom = Math.Min(_keyedFrom, firstKeyed.Sequence);
        }

        // The trail stays in the epoch it is in; only a rotation record moves it. An epoch the ring lacks was reported
        // by the verification above, and new records then go under the newest key, where the break stays visible.
        var current = _records.Count > 0 && _records[^1].IsKeyed ? _records[^1].KeyEpoch : trusted?.KeyEpoch ?? keys.NewestEpoch;
        _epoch = keys.ChainKeyOf(current) is null ? keys.NewestEpoch : current;
        if (keys.PseudonymiserOf(_epoch) is null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The audit trail is in key epoch {_epoch}, but the key ring holds no pseudonymiser for it: give that epoch's pseudonymiser until a privacy officer rotates the trail to epoch {keys.NewestEpoch}."),
                nameof(keys));
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

    /// <summary>Gets the pseudonymiser of the key epoch the trail is in, which names the persons of new records.</summary>
    public Pseudonymiser Pseudonymiser
    {
        get
        {
            lock (_gate)
            {
                return _keys.PseudonymiserOf(_epoch)!;
            }
        }
    }

    /// <summary>Gets the key epoch new records are sealed under: the ring's newest, unless the trail was opened in an older one and not rotated since.</summary>
    public int KeyEpoch
    {
        get
        {
            lock (_gate)
            {
                return _epoch;
            }
        }
    }

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
        AuditChainVerifier.Verify(Guard.NotNull(stored), AuditKeyRing.ForVerification(Guard.NotNull(key)), checkpoint);

    /// <summary>
    /// Verifies a stored trail whose keys were rotated: each record under the chain key of its key epoch, the epoch
    /// moving forward only at a rotation record, and the checkpoint under the key of the epoch it names.
    /// </summary>
    /// <param name="stored">The stored trail.</param>
    /// <param name="keys">The chain keys of every epoch the trail holds records of (the pseudonymisers are not needed).</param>
    /// <param name="checkpoint">The newest checkpoint from outside the store.</param>
    /// <returns>Intact, or the first broken link.</returns>
    public static AuditVerification Verify(StoredAuditTrail stored, AuditKeyRing keys, AuditCheckpoint? checkpoint) =>
        AuditChainVerifier.Verify(Guard.NotNull(stored), Guard.NotNull(keys), checkpoint);

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
        if (subject is { IsDefault: true })
        {
            throw new ArgumentException("The BSN must not be default.", nameof(subject));
        }

        // Named under the lock, with the pseudonymiser of the epoch the record is sealed in, so that a rotation between the two cannot split them.
        return Write(() => Keep(actor.UserId, actor.Role, actor.Organisation, actor.System, subject is { } bsn ? _keys.PseudonymiserOf(_epoch)!.Of(bsn) : default, action, data, detail, basis, basisReference, flaggedForReview));
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
        // Each record names the person under the pseudonymiser of its own key epoch (unkeyed records: epoch 1); an
        // epoch whose pseudonymiser the host gave up cannot be searched, by design.
        var pseudonyms = _keys.Pseudonymisers.ToDictionary(e => e.Epoch, e => e.Pseudonymiser.Of(subject));
        lock (_gate)
        {
            return [.. _records.Where(r => pseudonyms.TryGetValue(Math.Max(1, r.KeyEpoch), out var pseudonym) && r.Subject == pseudonym)];
        }
    }

    /// <summary>Returns the person's pseudonym under every pseudonymiser the ring holds, for data keyed with the trail's pseudonymiser without an epoch (the logbook).</summary>
    /// <param name="subject">The person.</param>
    /// <returns>The pseudonyms.</returns>
    internal IReadOnlySet<PersonPseudonym> PseudonymsOf(Bsn subject) =>
        _keys.Pseudonymisers.Select(e => e.Pseudonymiser.Of(subject)).ToHashSet();

    /// <summary>
    /// Rotates the trail to the newest key epoch of its <see cref="AuditKeyRing"/> (<em>sleutelrotatie</em>): appends a
    /// rotation record that names the old and the new epoch (never a key), sealed under the new chain key, and seals
    /// every later record and checkpoint under it and names persons with the new pseudonymiser. Earlier records keep
    /// their hashes and pseudonyms, and verify under the retired key, which the host keeps in the ring for as long as
    /// the trail keeps them. Only a privacy officer (an <see cref="ActorRole.Auditor"/>, rule R6) may rotate.
    /// </summary>
    /// <param name="actor">The privacy officer.</param>
    /// <returns>The rotation record.</returns>
    /// <exception cref="AccessDeniedException">The actor is no auditor; the refusal is recorded and nothing rotates.</exception>
    /// <exception cref="InvalidOperationException">The trail is in the ring's newest epoch already: add the new keys to the ring first.</exception>
    public AuditRecord RotateKeys(Actor actor)
    {
        var decision = AccessRules.DecideWithoutPerson(Guard.NotNull(actor), DataCategory.AuditTrail);
        if (!decision.IsAllowed)
        {
            Write(() => Keep(actor.UserId, actor.Role, actor.Organisation, actor.System, default, AuditAction.Refused, DataCategory.AuditTrail, "audit key rotation (" + decision.Rule + ")", null, null, true));
            decision.ThrowIfRefused();
        }

        lock (_gate)
        {
            if (_epoch == _keys.NewestEpoch)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The audit trail is in key epoch {_epoch}, the newest its key ring holds: add the new chain key and pseudonymiser as a newer epoch (keeping this one as retired) before rotating."));
            }
        }

        return Write(() =>
        {
            var to = _keys.NewestEpoch;
            var record = Keep(actor.UserId, actor.Role, actor.Organisation, actor.System, default, AuditAction.Update, DataCategory.AuditTrail, AuditRecord.RotationDetail(_epoch, to), decision.Basis, null, false, to);
            _epoch = to;
            return record;
        });
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
            return AuditChainVerifier.Verify(stored, _keys, _lastCheckpoint ?? _checkpoints?.ReadLatest());
        }
    }

    /// <summary>
    /// The least time the trail keeps a record, in months: five years, the retention NEN 7513 sets for the logging of
    /// access to health data, and as long as a signal stays in the historical archive, so that a subject access request
    /// shows who looked at the data for as long as the data itself can still be shown.
    /// </summary>
    public const int MinimumRetentionInMonths = 60;

    /// <summary>
    /// Drops the records older than the trail's retention allows. A keyed purge record that names the last dropped
    /// record and its hash is appended first, so that verification can tell this purge from records removed by
    /// someone else; the chain stays verifiable from the last dropped record's hash.
    /// </summary>
    /// <param name="cutoff">Records before this instant are dropped; at least <see cref="MinimumRetentionInMonths"/> months before now.</param>
    /// <returns>How many records were dropped.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cutoff is less than <see cref="MinimumRetentionInMonths"/> months ago; nothing changed.</exception>
    public int PurgeBefore(Instant cutoff)
    {
        // Months are reckoned in UTC: a day more or less at the edge does not matter against five years.
        var latest = _clock.GetCurrentInstant().InUtc().LocalDateTime.PlusMonths(-MinimumRetentionInMonths).InUtc().ToInstant();
        if (cutoff > latest)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), System.FormattableString.Invariant($"The audit trail keeps its records at least {MinimumRetentionInMonths} months (NEN 7513): records from after {latest} cannot be purged."));
        }

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
}
