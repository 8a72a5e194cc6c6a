using System;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Decides how the SDK keys persons in memory and in every store: by the BSN itself, or by its keyed pseudonym
/// (<em>pseudoniem</em>) from a <see cref="YouthPseudonymiser"/>. It is the one place where a BSN becomes a
/// <see cref="YouthKey"/> and back, used alike by the reference index, the coordination desk, the family plans, the
/// consent register and the information obligations, so that a pseudonymised store holds no BSN in any of them.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A store records the keying it was written with (<see cref="Fingerprint"/>), and every
/// area refuses to open a store written with another one, with <see cref="StoreKeyingMismatchException"/>.
/// </remarks>
public sealed class YouthKeying
{
    private const string ByBsnFingerprint = "bsn";

    // A hashed idempotency key: the prefix names the hash, 64 lower-case hexadecimal digits follow.
    private const string HmacPrefix = "hmac:";
    private const string ShaPrefix = "sha256:";

    // Keeps the hashes of addresses apart from those of other texts under the same key.
    private const string AddressDomain = "address ";

    // Keeps the hashes of idempotency keys apart from those of other texts under the same key.
    private const string IdempotencyKeyDomain = "idempotency-key ";

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    private readonly YouthPseudonymiser? _pseudonymiser;

    private YouthKeying(YouthPseudonymiser? pseudonymiser)
    {
        _pseudonymiser = pseudonymiser;
        Fingerprint = pseudonymiser?.KeyFingerprint ?? ByBsnFingerprint;
    }

    /// <summary>Gets the keying by the BSN itself: the store holds citizen numbers.</summary>
    public static YouthKeying ByBsn { get; } = new(null);

    /// <summary>Gets a value indicating whether persons are keyed by a pseudonym instead of the BSN.</summary>
    public bool IsPseudonymised => _pseudonymiser is not null;

    /// <summary>Gets what a store records of this keying: <c>bsn</c>, or the fingerprint of the pseudonymisation key (never the key).</summary>
    public string Fingerprint { get; }

    /// <summary>Gets the keying by keyed pseudonym.</summary>
    /// <param name="pseudonymiser">The keyed permutation, with the host's secret key.</param>
    /// <returns>The keying.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pseudonymiser"/> is <see langword="null"/>.</exception>
    public static YouthKeying Pseudonymised(YouthPseudonymiser pseudonymiser) => new(Internal.Guard.NotNull(pseudonymiser));

    /// <summary>Gets the keying by pseudonym when a pseudonymiser is given, and by BSN otherwise.</summary>
    /// <param name="pseudonymiser">The keyed permutation, or <see langword="null"/>.</param>
    /// <returns>The keying.</returns>
    public static YouthKeying Of(YouthPseudonymiser? pseudonymiser) => pseudonymiser is null ? ByBsn : new(pseudonymiser);

    /// <summary>Gets the key under which a person is kept.</summary>
    /// <param name="person">The person's BSN.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException"><paramref name="person"/> is <c>default</c>.</exception>
    public YouthKey KeyOf(Bsn person)
    {
        Internal.Guard.NotDefault(person);
        return YouthKey.FromTrusted(NumberOf(person));
    }

    /// <inheritdoc/>
    public override string ToString() => IsPseudonymised ? "keyed by pseudonym (" + Fingerprint + ")" : "keyed by BSN";

    /// <summary>The key's number, on the index's hot path.</summary>
    internal int NumberOf(Bsn person) => _pseudonymiser is null ? person.RevealNumber() : _pseudonymiser.Forward(person.RevealNumber());

    /// <summary>Gets the form a text that identifies a person is stored in: the text itself when keyed by BSN, a keyed hash when pseudonymised.</summary>
    internal string TextOf(string text) => _pseudonymiser is null ? text : "hmac:" + _pseudonymiser.KeyText(text);

    /// <summary>Gets a text sealed under the pseudonymisation key, for a later key rotation to key again; <see langword="null"/> when keyed by BSN, whose store keeps the text itself.</summary>
    internal string? SealOf(string text) => _pseudonymiser?.Seal(text);

    /// <summary>Opens a text <see cref="SealOf"/> sealed under this keying's key.</summary>
    internal string Unseal(string sealedText) =>
        _pseudonymiser is null ? throw new InvalidOperationException("A store keyed by BSN seals nothing.") : _pseudonymiser.Unseal(sealedText);

    /// <summary>Gets the form an address is kept and stored in: the address itself when keyed by BSN, its keyed hash when pseudonymised (an address already keyed stays as it is).</summary>
    internal Families.AddressKey KeyOf(Families.AddressKey address)
    {
        if (_pseudonymiser is null || address.IsKeyed)
        {
            return address;
        }

        Span<byte> hash = stackalloc byte[AddressHashBytes];
        HashAddress(address, hash);
        return KeyedAddress(hash, null);
    }

    /// <summary>The bytes of <see cref="HashAddress"/>.</summary>
    internal const int AddressHashBytes = 32;

    /// <summary>Writes the keyed hash of a plain address, which <see cref="KeyedAddress"/> turns into its keyed form; pseudonymised only.</summary>
    internal void HashAddress(Families.AddressKey address, Span<byte> hash) => _pseudonymiser!.KeyText(AddressDomain, address.Value, hash);

    /// <summary>
    /// Gets the keyed form of an address from its hash: <paramref name="kept"/> when that is already it, so that a family
    /// the feed replaces at the same address, as it mostly does, builds no new text.
    /// </summary>
    internal static Families.AddressKey KeyedAddress(ReadOnlySpan<byte> hash, Families.AddressKey? kept)
    {
        Span<char> hex = stackalloc char[AddressHashBytes * 2];
        Convert.TryToHexStringLower(hash, hex, out _);
        return kept is { IsKeyed: true } same && same.Value.AsSpan(HmacPrefix.Length).SequenceEqual(hex)
            ? same
            : Families.AddressKey.FromKeyed(string.Concat(HmacPrefix, hex));
    }

    /// <summary>
    /// Gets the form a registration's idempotency key is kept in, in memory and in the store: an HMAC-SHA256 under the
    /// pseudonymisation key when pseudonymised, so that a key a vendor built from a BSN puts no BSN on disk and cannot
    /// be found by trying every number; a plain SHA-256 when keyed by BSN, whose store holds citizen numbers anyway and
    /// whose hash only keeps the vendor's own text off the disk.
    /// </summary>
    internal string IdempotencyKeyOf(string key)
    {
        var text = IdempotencyKeyDomain + key;
        return _pseudonymiser is null
            ? ShaPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))
            : HmacPrefix + _pseudonymiser.KeyText(text);
    }

    /// <summary>Tells whether a stored idempotency key is in the hashed form of <see cref="IdempotencyKeyOf"/>, rather than a key stored in clear before keys were hashed.</summary>
    internal static bool IsHashedIdempotencyKey(string stored) =>
        (stored.StartsWith(HmacPrefix, StringComparison.Ordinal) && IsHex(stored.AsSpan(HmacPrefix.Length)))
        || (stored.StartsWith(ShaPrefix, StringComparison.Ordinal) && IsHex(stored.AsSpan(ShaPrefix.Length)));

    /// <summary>Gets a value indicating whether the index may keep each youth's BSN beside its key, masked: pseudonymised, on a processor with AES instructions.</summary>
    internal bool MasksNumbers => _pseudonymiser?.MasksNumbers == true;

    /// <summary>The mask that hides the BSN kept beside a key (<see cref="YouthPseudonymiser.MaskOf"/>); only when <see cref="MasksNumbers"/>.</summary>
    internal int MaskOf(int key) => _pseudonymiser!.MaskOf(key);

    internal Bsn PersonOf(int key) => Bsn.FromTrustedNumber(_pseudonymiser is null ? key : _pseudonymiser.Inverse(key));

    /// <summary>Turns several persons' numbers into their keys in place, which a pseudonymiser computes side by side.</summary>
    internal void KeysOf(Span<int> numbers) => _pseudonymiser?.Forward(numbers, numbers);

    /// <summary>The person a key stands for.</summary>
    internal Bsn PersonOf(YouthKey key) => PersonOf(key.Value);

    /// <summary>
    /// Checks that a store was written with this keying, or records it in a store that never recorded one. A store that
    /// holds data but recorded nothing was written before the SDK recorded its keying, when everything was keyed by BSN.
    /// </summary>
    /// <exception cref="StoreKeyingMismatchException">The store was written with another keying; nothing was read from it as if it were this one.</exception>
    internal void Claim(IYouthKeyedStore store, bool storeHoldsData)
    {
        var recorded = store.ReadYouthKeying();
        var stored = recorded ?? (storeHoldsData ? ByBsnFingerprint : null);
        if (stored is not null && stored != Fingerprint)
        {
            throw new StoreKeyingMismatchException(stored == ByBsnFingerprint
                ? "The store holds persons keyed by BSN and this SDK is pseudonymised: open it without a YouthPseudonymiser, or rebuild the store."
                : !IsPseudonymised
                    ? "The store holds pseudonymised persons and this SDK has no YouthPseudonymiser: open it with the key it was written with."
                    : OtherSchemeOfThisKey(stored) is { } scheme
                        ? $"The store was written with this pseudonymisation key under the scheme {scheme} ({stored}), and this SDK's YouthPseudonymiser uses {_pseudonymiser!.Scheme} ({Fingerprint}): open it with new YouthPseudonymiser(key, PseudonymisationScheme.{scheme}), or move it to the new scheme with YouthKeyMigration (docs/operations.md)."
                        : $"The store was written with another pseudonymisation key ({stored}) than this SDK's ({Fingerprint}): open it with the key it was written with.");
        }

        if (recorded is null)
        {
            store.WriteYouthKeying(Fingerprint);
        }
    }

    /// <summary>
    /// Gets the scheme a store's recorded keying names when it is this keying's key under another
    /// <see cref="PseudonymisationScheme"/> (the fingerprints share their key part), so that a host upgrading from a
    /// scheme is told how to open or move its store rather than that its key is wrong; otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="stored">The fingerprint the store recorded (<see cref="IYouthKeyedStore.ReadYouthKeying"/>).</param>
    /// <returns>The store's scheme, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stored"/> is <see langword="null"/>.</exception>
    public PseudonymisationScheme? OtherSchemeOfThisKey(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (_pseudonymiser is null)
        {
            return null;
        }

        var key = Fingerprint.AsSpan(Fingerprint.IndexOf(':') + 1);
        return YouthPseudonymiser.SchemeOfFingerprint(stored) is { } other && other != _pseudonymiser.Scheme && stored.AsSpan(stored.IndexOf(':') + 1).SequenceEqual(key) ? other : null;
    }

    private static bool IsHex(ReadOnlySpan<char> digits) => digits.Length == 64 && !digits.ContainsAnyExcept(HexDigits);
}
