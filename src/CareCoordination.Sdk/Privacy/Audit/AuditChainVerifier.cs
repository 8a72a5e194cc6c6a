using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Privacy.Audit;

/// <summary>
/// Checks a stored audit trail against the chain keys of its key epochs and, when there is one, the last signed
/// checkpoint. The epoch only moves forward, and only at a rotation record sealed under the new epoch's key.
/// </summary>
internal static class AuditChainVerifier
{
    public static AuditVerification Verify(StoredAuditTrail stored, AuditKeyRing keys, AuditCheckpoint? checkpoint)
    {
        var records = stored.Records;
        if (checkpoint is not null && keys.ChainKeyOf(checkpoint.KeyEpoch) is null)
        {
            return Broken(checkpoint.Sequence, string.Create(CultureInfo.InvariantCulture, $"the last checkpoint is signed under key epoch {checkpoint.KeyEpoch}, for which no audit chain key is configured: it was forged, or the host left out a key the trail still needs"), records.Count);
        }

        if (checkpoint is not null && !checkpoint.IsSignedBy(keys.ChainKeyOf(checkpoint.KeyEpoch)!))
        {
            return Broken(checkpoint.Sequence, "the last checkpoint is not signed with the audit chain key: it was forged, or the trail is opened with another key", records.Count);
        }

        var previous = stored.Genesis;
        var expected = stored.GenesisSequence + 1;
        var keyedSeen = false;
        var epoch = 0;
        var purges = new List<(long Through, string Genesis)>();
        foreach (var record in records)
        {
            string? problem = null;
            if (record.Sequence != expected)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"expected record #{expected}, found #{record.Sequence}: a record is missing, renumbered or out of order");
            }
            else if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                problem = "the record does not chain to the one before it: a record before it was changed, removed or moved";
            }
            else if (!record.IsKeyed && (keyedSeen || (checkpoint is not null && record.Sequence >= checkpoint.KeyedFrom)))
            {
                problem = "the record carries no keyed hash where every record is keyed: it was forged or re-hashed without the key";
            }
            else if (record.IsKeyed && EpochProblem(record, epoch, keys) is { } wrongEpoch)
            {
                problem = wrongEpoch;
            }
            else if (!record.HasValidHash(record.IsKeyed ? keys.ChainKeyOf(record.KeyEpoch) : null))
            {
                problem = "the record's content does not match its keyed hash: it was changed, moved to another person, renumbered or forged";
            }

            if (problem is not null)
            {
                return Broken(expected, problem, records.Count);
            }

            keyedSeen |= record.IsKeyed;
            epoch = Math.Max(epoch, record.KeyEpoch);
            if (record.TryReadPurge(out var through, out var genesis))
            {
                purges.Add((through, genesis));
            }

            previous = record.Hash;
            expected++;
        }

        if (stored.GenesisSequence > 0 && !PurgeIsSigned(stored, records, purges, checkpoint))
        {
            return Broken(stored.GenesisSequence + 1, "records were removed from the start of the trail without a signed purge record", records.Count);
        }

        if (checkpoint is null)
        {
            return new AuditVerification(true, null, "intact", records.Count);
        }

        var last = expected - 1;
        if (last < checkpoint.Sequence)
        {
            return Broken(last + 1, string.Create(CultureInfo.InvariantCulture, $"the trail ends at #{last} but the last checkpoint names #{checkpoint.Sequence}: records at the end were removed"), records.Count);
        }

        if (stored.GenesisSequence < checkpoint.GenesisSequence)
        {
            return Broken(stored.GenesisSequence + 1, "the trail starts before the last checkpoint's start: purged records were put back", records.Count);
        }

        var anchored = checkpoint.Sequence == stored.GenesisSequence
            ? stored.Genesis
            : checkpoint.Sequence > stored.GenesisSequence ? records[(int)(checkpoint.Sequence - stored.GenesisSequence - 1)].Hash : null;
        return anchored is not null && !string.Equals(anchored, checkpoint.Head, StringComparison.Ordinal)
            ? Broken(checkpoint.Sequence, "the record the last checkpoint names has another hash: the trail up to it was rewritten", records.Count)
            : new AuditVerification(true, null, "intact", records.Count);
    }

    /// <summary>
    /// Says whether a trail opened against a sink without any checkpoint was anchored before: a trail that holds a
    /// record sealed under a chain key, or that was purged, was written by a trail that published a checkpoint after
    /// every record, so a sink that holds none lost them. Without them, records cut off at the end or a trail rewritten
    /// as a whole cannot be seen, so the open reports the trail as broken instead of anchoring whatever it finds.
    /// </summary>
    /// <returns>The broken verification, or <see langword="null"/> when the trail was never anchored (new, or written before checkpoints).</returns>
    public static AuditVerification? CheckpointsLost(StoredAuditTrail stored)
    {
        var records = stored.Records;
        if (stored.GenesisSequence == 0 && !records.Any(r => r.IsKeyed))
        {
            return null;
        }

        var last = records.Count > 0 ? records[^1].Sequence : stored.GenesisSequence;
        return Broken(
            last + 1,
            string.Create(CultureInfo.InvariantCulture, $"the checkpoint sink holds no checkpoint, but the trail up to #{last} was anchored as it was written: its checkpoints were lost or deleted, so records cut off at the end or a trail rewritten as a whole cannot be seen; restore them, or have a privacy officer investigate before the trail is anchored again"),
            records.Count);
    }

    // A purged start is explained by a signed purge record kept in the chain, by the last checkpoint, or — for a
    // trail without checkpoints — by a purge of an earlier SDK, before any record was keyed.
    private static bool PurgeIsSigned(StoredAuditTrail stored, IReadOnlyList<AuditRecord> records, List<(long Through, string Genesis)> purges, AuditCheckpoint? checkpoint)
    {
        foreach (var (through, genesis) in purges)
        {
            if (through == stored.GenesisSequence && string.Equals(genesis, stored.Genesis, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (checkpoint is not null)
        {
            return checkpoint.GenesisSequence == stored.GenesisSequence && string.Equals(checkpoint.Genesis, stored.Genesis, StringComparison.Ordinal);
        }

        return records.Count == 0 ? stored.Genesis.Length == AuditRecord.GenesisHash.Length : !records[0].IsKeyed;
    }

    // A record's epoch is the one before it, or the next one at a rotation record that names the move; the first
    // keyed record may start at any epoch the ring holds.
    private static string? EpochProblem(AuditRecord record, int epoch, AuditKeyRing keys)
    {
        var sealedUnder = record.KeyEpoch;
        if (epoch > 0 && sealedUnder < epoch)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the record is sealed under key epoch {sealedUnder}, older than the epoch {epoch} of the record before it: it was forged or re-hashed under a retired key");
        }

        if (epoch > 0 && sealedUnder > epoch && !(record.TryReadRotation(out var from, out var to) && from == epoch && to == sealedUnder))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the record is sealed under key epoch {sealedUnder}, but is no rotation record from epoch {epoch}: the key changed without a rotation, or the record was forged");
        }

        return keys.ChainKeyOf(sealedUnder) is null
            ? string.Create(CultureInfo.InvariantCulture, $"the record is sealed under key epoch {sealedUnder}, for which no audit chain key is configured: it was forged, or the host left out a retired key the trail still needs")
            : null;
    }

    private static AuditVerification Broken(long sequence, string reason, int count) => new(false, sequence, reason, count);
}
