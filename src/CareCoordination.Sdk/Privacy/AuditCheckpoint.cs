using System;
using System.Globalization;
using CareCoordination.Sdk.Privacy.Audit;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// A signed statement of where the audit trail stood: the sequence number and hash of its newest record, where its
/// kept chain starts after purges, and from which record on every record is keyed. Published to an
/// <see cref="IAuditCheckpointSink"/> outside the store, it anchors the chain: records cut off at the end, a trail
/// deleted as a whole or a purge nobody signed no longer go unnoticed.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="ToString"/> gives the one-line form a sink writes, and
/// <see cref="Parse"/> reads it back; the signature is checked by the trail under its <see cref="AuditChainKey"/>.
/// </remarks>
public sealed class AuditCheckpoint
{
    private const string Tag = "audit-checkpoint-v1";

    // A checkpoint under a later key epoch names it; one under epoch 1 keeps the line of the SDKs before rotation.
    private const string EpochTag = "audit-checkpoint-v2";

    /// <summary>Initializes a new instance, for example when a sink reads a checkpoint back.</summary>
    /// <param name="sequence">The sequence number of the newest record, or of the last purged one when none is kept.</param>
    /// <param name="head">That record's hash.</param>
    /// <param name="genesisSequence">The sequence number of the last purged record, 0 until a purge.</param>
    /// <param name="genesis">The hash the first kept record chains to.</param>
    /// <param name="keyedFrom">The sequence number from which every record is keyed; records before it were written by an earlier SDK.</param>
    /// <param name="at">When the checkpoint was taken.</param>
    /// <param name="signature">The HMAC-SHA256 of the other fields under the chain key.</param>
    public AuditCheckpoint(long sequence, string head, long genesisSequence, string genesis, long keyedFrom, Instant at, string signature)
        : this(sequence, head, genesisSequence, genesis, keyedFrom, 1, at, signature)
    {
    }

    /// <summary>Initializes a new instance signed under a given key epoch, for example when a sink reads a checkpoint back.</summary>
    /// <param name="sequence">The sequence number of the newest record, or of the last purged one when none is kept.</param>
    /// <param name="head">That record's hash.</param>
    /// <param name="genesisSequence">The sequence number of the last purged record, 0 until a purge.</param>
    /// <param name="genesis">The hash the first kept record chains to.</param>
    /// <param name="keyedFrom">The sequence number from which every record is keyed; records before it were written by an earlier SDK.</param>
    /// <param name="keyEpoch">The key epoch (<see cref="AuditKeyRing"/>) whose chain key signs the checkpoint: the epoch of the trail when it was taken.</param>
    /// <param name="at">When the checkpoint was taken.</param>
    /// <param name="signature">The HMAC-SHA256 of the other fields under that epoch's chain key.</param>
    public AuditCheckpoint(long sequence, string head, long genesisSequence, string genesis, long keyedFrom, int keyEpoch, Instant at, string signature)
    {
        KeyEpoch = keyEpoch;
        Sequence = sequence;
        Head = head ?? string.Empty;
        GenesisSequence = genesisSequence;
        Genesis = genesis ?? string.Empty;
        KeyedFrom = keyedFrom;
        At = at;
        Signature = signature ?? string.Empty;
    }

    /// <summary>Gets the sequence number of the newest record.</summary>
    public long Sequence { get; }

    /// <summary>Gets the newest record's hash.</summary>
    public string Head { get; }

    /// <summary>Gets the sequence number of the last purged record, 0 until a purge.</summary>
    public long GenesisSequence { get; }

    /// <summary>Gets the hash the first kept record chains to.</summary>
    public string Genesis { get; }

    /// <summary>Gets the sequence number from which every record is keyed.</summary>
    public long KeyedFrom { get; }

    /// <summary>Gets the key epoch whose chain key signs the checkpoint.</summary>
    public int KeyEpoch { get; }

    /// <summary>Gets when the checkpoint was taken.</summary>
    public Instant At { get; }

    /// <summary>Gets the signature.</summary>
    public string Signature { get; }

    /// <summary>Reads a checkpoint from the line <see cref="ToString"/> wrote.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The checkpoint; its signature is not checked here.</returns>
    /// <exception cref="FormatException">The line is no checkpoint.</exception>
    public static AuditCheckpoint Parse(string line) =>
        TryParse(line, out var checkpoint) ? checkpoint : throw new FormatException("The line is not an audit checkpoint written by AuditCheckpoint.ToString().");

    /// <summary>Reads a checkpoint from the line <see cref="ToString"/> wrote, without throwing.</summary>
    /// <param name="line">The line.</param>
    /// <param name="checkpoint">The checkpoint, when the line is one.</param>
    /// <returns>Whether the line is a checkpoint.</returns>
    public static bool TryParse(string? line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AuditCheckpoint? checkpoint)
    {
        checkpoint = null;
        var parts = line?.Trim().Split(' ');
        var epochField = parts is { Length: 9 } && parts[0] == EpochTag ? 1 : 0;
        long epoch = 1;
        if (parts is null || parts.Length != 8 + epochField || parts[0] != (epochField == 1 ? EpochTag : Tag)
            || !Field(parts[1], "seq", out var sequence) || !Text(parts[2], "head", out var head)
            || !Field(parts[3], "genesis-seq", out var genesisSequence) || !Text(parts[4], "genesis", out var genesis)
            || !Field(parts[5], "keyed-from", out var keyedFrom)
            || (epochField == 1 && (!Field(parts[6], "epoch", out epoch) || epoch is < 2 or > int.MaxValue))
            || !Field(parts[6 + epochField], "at", out var ticks)
            || ticks < Instant.MinValue.ToUnixTimeTicks() || ticks > Instant.MaxValue.ToUnixTimeTicks()
            || !Text(parts[7 + epochField], "sig", out var signature))
        {
            return false;
        }

        checkpoint = new AuditCheckpoint(sequence, head, genesisSequence, genesis, keyedFrom, (int)epoch, Instant.FromUnixTimeTicks(ticks), signature);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => SignedText() + " sig=" + Signature;

    /// <summary>Takes a checkpoint signed under the key.</summary>
    internal static AuditCheckpoint Sign(long sequence, string head, long genesisSequence, string genesis, long keyedFrom, int keyEpoch, Instant at, AuditChainKey key)
    {
        var unsigned = new AuditCheckpoint(sequence, head, genesisSequence, genesis, keyedFrom, keyEpoch, at, string.Empty);
        return new AuditCheckpoint(sequence, head, genesisSequence, genesis, keyedFrom, keyEpoch, at, key.Sign(unsigned.SignedText()));
    }

    /// <summary>Checks the signature.</summary>
    internal bool IsSignedBy(AuditChainKey key) => key.Verifies(SignedText(), Signature);

    private string SignedText() => KeyEpoch == 1
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"{Tag} seq={Sequence} head={Head} genesis-seq={GenesisSequence} genesis={Genesis} keyed-from={KeyedFrom} at={At.ToUnixTimeTicks()}")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{EpochTag} seq={Sequence} head={Head} genesis-seq={GenesisSequence} genesis={Genesis} keyed-from={KeyedFrom} epoch={KeyEpoch} at={At.ToUnixTimeTicks()}");

    private static bool Field(string part, string name, out long value)
    {
        value = 0;
        return Text(part, name, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool Text(string part, string name, out string value)
    {
        value = string.Empty;
        if (!part.StartsWith(name + "=", StringComparison.Ordinal))
        {
            return false;
        }

        value = part[(name.Length + 1)..];
        return value.Length > 0;
    }
}
