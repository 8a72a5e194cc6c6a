using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The audit trail's keys by key epoch (<em>sleutelgeneratie</em>): the newest epoch's <see cref="AuditChainKey"/> and
/// <see cref="Privacy.Pseudonymiser"/>, which a privacy officer rotates the trail to with
/// <see cref="Access.AuditTrail.RotateKeys"/>, and the retired epochs' keys that records written before a rotation still need.
/// Every keyed record and checkpoint names its epoch (a number, never the key), so that verification knows which key
/// to check it under.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Epoch 1 is the key a trail started with before any rotation (also every trail of an
/// earlier SDK). Keep a retired epoch's chain key for as long as the trail keeps records sealed under it, that is until a
/// purge (<see cref="Access.AuditTrail.PurgeBefore"/>) has dropped the last of them: without it those records cannot be verified.</para>
/// <para>A retired epoch's pseudonymiser may be left out. Records keep the pseudonym they were written with, because the
/// pseudonym is part of what the chain seals; without the old pseudonymiser the trail can no longer find them by BSN
/// (a subject access request and the logbook then miss them), although they still verify.</para>
/// </remarks>
public sealed class AuditKeyRing
{
    private readonly SortedDictionary<int, (AuditChainKey ChainKey, Pseudonymiser? Pseudonymiser)> _epochs;

    /// <summary>Initializes a ring of one epoch, 1: the keys of a trail that was never rotated.</summary>
    /// <param name="chainKey">The chain key.</param>
    /// <param name="pseudonymiser">The pseudonymiser.</param>
    public AuditKeyRing(AuditChainKey chainKey, Pseudonymiser pseudonymiser)
        : this(1, chainKey, pseudonymiser)
    {
    }

    /// <summary>Initializes a ring whose newest epoch is <paramref name="epoch"/>; add the retired epochs with <see cref="WithRetired"/>.</summary>
    /// <param name="epoch">The newest epoch's number, from 1.</param>
    /// <param name="chainKey">The newest chain key.</param>
    /// <param name="pseudonymiser">The newest pseudonymiser.</param>
    /// <exception cref="ArgumentOutOfRangeException">The epoch is below 1.</exception>
    public AuditKeyRing(int epoch, AuditChainKey chainKey, Pseudonymiser pseudonymiser)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        _epochs = new() { [epoch] = (Guard.NotNull(chainKey), Guard.NotNull(pseudonymiser)) };
        NewestEpoch = epoch;
    }

    private AuditKeyRing(SortedDictionary<int, (AuditChainKey, Pseudonymiser?)> epochs, int newest)
    {
        _epochs = epochs;
        NewestEpoch = newest;
    }

    /// <summary>Gets the newest epoch: the one <see cref="Access.AuditTrail.RotateKeys"/> moves the trail to.</summary>
    public int NewestEpoch { get; }

    /// <summary>Gets every epoch the ring holds a chain key for, oldest first.</summary>
    public IReadOnlyList<int> Epochs => [.. _epochs.Keys];

    /// <summary>Returns a ring that also holds a retired epoch's keys, for the records sealed under them.</summary>
    /// <param name="epoch">The retired epoch: older than the newest, and not in the ring yet.</param>
    /// <param name="chainKey">Its chain key, which verification needs for its records.</param>
    /// <param name="pseudonymiser">Its pseudonymiser, to find its records by BSN; <see langword="null"/> when the host has given it up, so that those records can no longer be linked to a person.</param>
    /// <returns>The new ring; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The epoch is not older than the newest, or is in the ring already.</exception>
    public AuditKeyRing WithRetired(int epoch, AuditChainKey chainKey, Pseudonymiser? pseudonymiser)
    {
        Guard.NotNull(chainKey);
        if (epoch < 1 || epoch >= NewestEpoch || _epochs.ContainsKey(epoch))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A retired audit key epoch must be from 1 to {NewestEpoch - 1} (older than the newest, {NewestEpoch}) and given once; {epoch} is not."),
                nameof(epoch));
        }

        var epochs = new SortedDictionary<int, (AuditChainKey, Pseudonymiser?)>(_epochs) { [epoch] = (chainKey, pseudonymiser) };
        return new AuditKeyRing(epochs, NewestEpoch);
    }

    /// <summary>Returns a ring of one epoch, 1, without a pseudonymiser: enough to verify a trail that was never rotated.</summary>
    internal static AuditKeyRing ForVerification(AuditChainKey chainKey) =>
        new(new SortedDictionary<int, (AuditChainKey, Pseudonymiser?)> { [1] = (chainKey, null) }, 1);

    /// <summary>Returns an epoch's chain key, or <see langword="null"/> when the ring does not hold it.</summary>
    internal AuditChainKey? ChainKeyOf(int epoch) => _epochs.TryGetValue(epoch, out var keys) ? keys.ChainKey : null;

    /// <summary>Returns an epoch's pseudonymiser, or <see langword="null"/> when the ring does not hold it.</summary>
    internal Pseudonymiser? PseudonymiserOf(int epoch) => _epochs.TryGetValue(epoch, out var keys) ? keys.Pseudonymiser : null;

    /// <summary>Returns the epochs of the ring that hold a pseudonymiser, with it.</summary>
    internal IEnumerable<(int Epoch, Pseudonymiser Pseudonymiser)> Pseudonymisers =>
        _epochs.Where(e => e.Value.Pseudonymiser is not null).Select(e => (e.Key, e.Value.Pseudonymiser!));
}
