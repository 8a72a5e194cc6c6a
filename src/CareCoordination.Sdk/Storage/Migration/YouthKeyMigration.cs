using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Storage.Migration;

/// <summary>
/// Copies a whole store into a new, empty one with every person keyed anew: from a store keyed by BSN to a
/// pseudonymised one, or from one pseudonymisation key to another (key rotation). Every signal keeps its identifier,
/// registration time, end date, state and "offered" flag, and the store's erased-identifier high-water mark; every event of the reference index, every remembered answer,
/// family, case, plan, consent, legal basis, information obligation, logbook day, notification feed, service idempotency key and audit record is
/// copied, persons rewritten under the new keying and nothing else changed.
/// </summary>
/// <remarks>
/// <para>
/// No BSN list is needed: a pseudonym of <see cref="Privacy.YouthPseudonymiser"/> is a keyed permutation, so with the
/// old key the migration turns each stored key back into its BSN in memory, and at once into the new key's pseudonym.
/// The BSN is never written anywhere; the host supplies both keys for the duration of the run.
/// </para>
/// <para>
/// The source is only read. The target must be empty; the migration first marks it unusable (its keying reads
/// <c>migrating:</c> and the new fingerprint, which no SDK opens), then writes everything in one change set — one
/// transaction in the SQLite and PostgreSQL stores — and records the new keying only when all of it is written. A
/// migration that fails or is cancelled leaves the source as it was and the target refused at opening
/// (<see cref="StoreKeyingMismatchException"/>): delete it and run again. No index, desk or register may write to the
/// source while the migration runs; stop the service first. The whole store is held in memory once during the run.
/// </para>
/// </remarks>
public static class YouthKeyMigration
{
    /// <summary>The prefix of the keying a target carries while a migration writes it.</summary>
    public const string UnfinishedPrefix = "migrating:";

    // Every stream kind the SDK writes. The logbook and the notification feeds hold no person, and are read by BSN
    // keying whatever the store's keying, so they are copied as stored; so are the service's idempotency keys, which
    // hold only hashes and masked answers.
    private static readonly string[] RekeyedKinds =
    [
        StreamDocuments.Case, StreamDocuments.Coordinator, StreamDocuments.Family, StreamDocuments.Plan, StreamDocuments.Consent,
        StreamDocuments.LegalBasis, StreamDocuments.InformationObligation, StreamDocuments.SubjectRequest,
    ];

    private static readonly string[] CopiedKinds = [StreamDocuments.NotificationFeed, StreamDocuments.Logbook, StreamDocuments.MoveNotice, StreamDocuments.MatchFollowUp, StreamDocuments.ServiceIdempotencyKeys];

    /// <summary>Copies every record of <paramref name="source"/> into the empty <paramref name="target"/>, persons keyed by <paramref name="to"/>.</summary>
    /// <param name="source">The store to copy; it must also read back its index events (<see cref="ISignalEventReader"/>), as the SQLite, PostgreSQL and in-memory stores do.</param>
    /// <param name="from">The keying <paramref name="source"/> was written with: <see cref="YouthKeying.ByBsn"/>, or the old key's.</param>
    /// <param name="target">A new, empty store.</param>
    /// <param name="to">The keying to write: the new key's.</param>
    /// <param name="cancellationToken">Stops the migration before it writes the target's data.</param>
    /// <returns>What was copied, per area.</returns>
    /// <exception cref="ArgumentException"><paramref name="source"/> cannot read back its index events, or is the same object as <paramref name="target"/>.</exception>
    /// <exception cref="StoreKeyingMismatchException"><paramref name="source"/> was written with another keying than <paramref name="from"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="target"/> is not empty, or <paramref name="from"/> and <paramref name="to"/> are the same keying.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the source is unchanged and the target stays marked unusable.</exception>
    public static YouthKeyMigrationReport Migrate(ICareCoordinationStore source, YouthKeying from, ICareCoordinationStore target, YouthKeying to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(to);
        if (ReferenceEquals(source, target))
        {
            throw new ArgumentException("A store cannot be migrated into itself: give a new, empty store as the target.", nameof(target));
        }

        if (source is not ISignalEventReader events)
        {
            throw new ArgumentException($"The source store ({source.GetType().Name}) cannot read back the reference index's events: implement {nameof(ISignalEventReader)}.", nameof(source));
        }

        if (from.Fingerprint == to.Fingerprint)
        {
            throw new InvalidOperationException($"The source is already {to}: nothing to migrate.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var contents = new Contents();
        source.Load(contents);
        var signalEvents = events.ReadSignalEvents();
        var streams = RekeyedKinds.Concat(CopiedKinds).Append(StreamDocuments.SubstituteNumber).ToDictionary(kind => kind, source.ReadStreams, StringComparer.Ordinal);
        var audit = source.LoadAuditTrail();
        CheckSourceKeying(source, from, contents.Signals.Count > 0 || contents.Families.Count > 0 || streams.Values.Any(s => s.Count > 0));
        CheckEmpty(target);

        cancellationToken.ThrowIfCancellationRequested();
        target.WriteYouthKeying(UnfinishedPrefix + to.Fingerprint);

        int Rekey(YouthKey key) => to.NumberOf(from.PersonOf(key));
        var changes = new ChangeSet();
        if (contents.SignalIdsUsedUpTo is { } highWater)
        {
            // The source erased signals above every signal it still holds. Erasing the highest of them again, in the
            // empty target and before anything else, records the same high-water mark the way every store records an
            // erasure, so that the target never gives out an identifier that kept match events or logbook lines name.
            changes.Add(new SignalCommit([], [highWater], []));
        }

        var signals = contents.Signals.Select(s => s with { Youth = YouthKey.FromStored(Rekey(s.Youth)) }).ToList();
        var answers = contents.Answers.Select(k => RekeyAnswer(k, Rekey, to)).ToList();
        changes.Add(new SignalCommit(signals, [], signalEvents) { IdempotencyKeys = answers });
        foreach (var family in contents.Families)
        {
            // A family's municipality is that of its address: a family that loses its address here loses both until the feed gives them again.
            var address = RekeyAddress(family.Address, to);
            changes.Add(new FamilyChange(family.Id, new StoredFamily(family.Id, [.. family.Youths.Select(y => YouthKey.FromStored(Rekey(y)))], [.. family.Carers.Select(c => YouthKey.FromStored(Rekey(c)))]) { Address = address, Municipality = address is null ? null : family.Municipality }));
        }

        var fromDocuments = StreamDocuments.For(from);
        var toDocuments = StreamDocuments.For(to);
        int streamCount = 0, streamEventCount = 0;
        foreach (var (kind, histories) in streams)
        {
            var rekey = RekeyedKinds.Contains(kind);
            foreach (var history in histories)
            {
                if (kind == StreamDocuments.SubstituteNumber)
                {
                    changes.Add(RekeySubstituteNumber(history, from, to));
                    streamCount++;
                    streamEventCount += history.Events.Count;
                    continue;
                }

                changes.Add(new StreamChange(kind, history.Id, 0, [.. history.Events.Select(e => rekey ? fromDocuments.Rekey(e, toDocuments) : e)]));
                streamCount++;
                streamEventCount += history.Events.Count;
            }
        }

        foreach (var record in audit.Records)
        {
            changes.Add(record);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!changes.IsEmpty)
        {
            target.Commit(changes);
        }

        if (audit.GenesisSequence > 0)
        {
            // The kept records chain to the last purged one: the target must start its chain where the source did.
            target.PurgeAudit(audit.GenesisSequence, audit.Genesis);
        }

        target.WriteYouthKeying(to.Fingerprint);
        return new YouthKeyMigrationReport(signals.Count, signalEvents.Count, contents.Families.Count, answers.Count, streamCount, streamEventCount, audit.Records.Count);
    }

    /// <summary>
    /// A substitute number's stream under the new keying: named by the number's new key, the number keyed anew, and the
    /// details' fingerprint keyed and sealed under the new key — from the clear fingerprint of a store keyed by BSN, or
    /// from the sealed one a pseudonymised store keeps, opened under the old key — so the same details keep their
    /// number across a key rotation. A number issued before fingerprints were sealed has only the hash under the old key,
    /// which cannot be keyed again without the details: it is kept as it is, and those details get a new number when
    /// asked again.
    /// </summary>
    private static StreamChange RekeySubstituteNumber(StoredHistory history, YouthKeying from, YouthKeying to)
    {
        var issued = (SubstituteNumberIssued)StreamDocuments.For(from).ReadRecord(history.Events[^1]);
        var clear = !from.IsPseudonymised ? issued.Fingerprint : issued.SealedFingerprint is { } sealedFingerprint ? from.Unseal(sealedFingerprint) : null;
        var rekeyed = clear is null
            ? issued
            : issued with { Fingerprint = to.TextOf(clear), SealedFingerprint = to.SealOf(clear) };
        var stream = to.KeyOf(issued.Number).Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new StreamChange(StreamDocuments.SubstituteNumber, stream, 0, [StreamDocuments.For(to).Write(rekeyed, history.Events[^1].At)]);
    }

    /// <summary>
    /// A family's address under the new keying: an address kept in clear (a BSN-keyed store, or a pseudonymised one written
    /// before addresses were keyed) is keyed by <paramref name="to"/>; one keyed under the old pseudonymisation key cannot
    /// be keyed again without the address, so the family keeps no address until the feed gives it again.
    /// </summary>
    private static Families.AddressKey? RekeyAddress(Families.AddressKey? address, YouthKeying to) =>
        address is not { } known ? null : known.IsKeyed ? null : to.KeyOf(known);

    private static void CheckSourceKeying(ICareCoordinationStore source, YouthKeying from, bool holdsData)
    {
        // A store that recorded nothing but holds data was written before keyings were recorded, by BSN.
        var recorded = source.ReadYouthKeying() ?? (holdsData ? YouthKeying.ByBsn.Fingerprint : null);
        if (recorded is not null && recorded != from.Fingerprint)
        {
            throw new StoreKeyingMismatchException($"The source store was written {(recorded == YouthKeying.ByBsn.Fingerprint ? "keyed by BSN" : "with keying " + recorded)}, not {from}: give the keying it was written with.");
        }
    }

    private static void CheckEmpty(ICareCoordinationStore target)
    {
        var contents = new Contents();
        target.Load(contents);
        var holdsData = contents.Signals.Count > 0 || contents.Families.Count > 0 || contents.Answers.Count > 0
            || (target is ISignalEventReader reader && reader.ReadSignalEvents().Count > 0)
            || RekeyedKinds.Concat(CopiedKinds).Append(StreamDocuments.SubstituteNumber).Any(kind => target.ReadStreams(kind).Count > 0)
            || target.LoadAuditTrail().Records.Count > 0;
        if (holdsData || target.ReadYouthKeying() is not null)
        {
            throw new InvalidOperationException("The target store is not empty: a migration writes only into a new store. Nothing was written.");
        }
    }

    /// <summary>
    /// A remembered answer under the new keying. A key stored in clear (before keys were hashed) is hashed by
    /// <paramref name="to"/>; one already hashed cannot be hashed again without the client's key, so it is kept as it is:
    /// a retry that crosses the migration with such a key is taken as a new registration (a renewal of the same signal).
    /// </summary>
    private static StoredIdempotencyKey RekeyAnswer(StoredIdempotencyKey stored, Func<YouthKey, int> rekey, YouthKeying to)
    {
        if (!YouthKeying.IsHashedIdempotencyKey(stored.Key))
        {
            stored = stored with { Key = to.IdempotencyKeyOf(stored.Key) };
        }

        var answer = EventDocuments.ReadRemembered(stored);
        if (answer.Removed)
        {
            // A tombstone holds no youth to rekey.
            return EventDocuments.RememberRemoved(stored.Key, stored.At, answer);
        }

        var rekeyed = answer with
        {
            Youth = rekey(YouthKey.FromStored(answer.Youth)),
            Signal = answer.Signal with { Youth = rekey(YouthKey.FromStored(answer.Signal.Youth)) },
            Matches = [.. answer.Matches.Select(m => m with { Other = m.Other with { Youth = rekey(YouthKey.FromStored(m.Other.Youth)) } })],
        };
        return EventDocuments.Remember(stored.Key, stored.At, rekeyed);
    }

    private sealed class Contents : IStoredIndexSink
    {
        public List<StoredSignal> Signals { get; } = [];

        public List<StoredFamily> Families { get; } = [];

        public List<StoredIdempotencyKey> Answers { get; } = [];

        public void Add(in StoredSignal signal) => Signals.Add(signal);

        public void Add(StoredFamily family) => Families.Add(family);

        public SignalId? SignalIdsUsedUpTo { get; private set; }

        public void Add(StoredIdempotencyKey key) => Answers.Add(key);

        void IStoredIndexSink.SignalIdsUsedUpTo(SignalId last) => SignalIdsUsedUpTo = last;
    }
}
