using System;
using System.Security.Cryptography;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Lets the reference index match on a keyed pseudonym (<em>pseudoniem</em>) of the BSN instead of the BSN itself, so
/// that the index's memory structures and its store hold no citizen numbers: a keyed permutation of the numbers 1 to
/// 999,999,999 — by default a ten-round Feistel network over 30 bits whose round functions are tables derived with
/// HMAC-SHA256 from a key the host supplies, the same network with AES-128 round functions, or NIST SP 800-38G FF1 with
/// AES-128 (<see cref="PseudonymisationScheme"/>). A
/// permutation never maps two youths to one pseudonym, so matching stays exact; with the key the index turns
/// pseudonyms back into BSNs for the professionals it answers.
/// </summary>
/// <remarks>
/// Thread-safe and immutable after construction (about 20 ms to derive the 640 KB of round tables; the AES schemes
/// derive one AES key). The derived tables and keys are as secret as the key: a dump of the whole process
/// can reverse pseudonyms, a copy of the index's store or of its slot memory cannot. An index and its store must always
/// use the same key and scheme; to switch, copy the store into a new one under the new key or scheme with
/// <see cref="Storage.Migration.YouthKeyMigration"/>.
/// </remarks>
public sealed class YouthPseudonymiser
{
    /// <summary>The largest number a BSN has, and so the largest pseudonym.</summary>
    internal const int MaxNumber = 999_999_999;

    /// <summary>The prefix of an FF1 fingerprint.</summary>
    internal const string Ff1FingerprintPrefix = "ff1:";

    /// <summary>The prefix of a fingerprint of <see cref="PseudonymisationScheme.FeistelAes"/>.</summary>
    internal const string FeistelAesFingerprintPrefix = "aes-feistel:";

    /// <summary>The prefix of a fingerprint of <see cref="PseudonymisationScheme.FeistelTables"/>, the one every store recorded before FF1 was added.</summary>
    internal const string TablesFingerprintPrefix = "hmac-sha256:";

    private const string SealedPrefix = "gcm:";

    // Exactly one of the three is set, as the scheme says.
    private readonly Ff1Permutation? _ff1;
    private readonly FeistelTablePermutation? _tables;
    private readonly AesFeistelPermutation? _aes;

    // Hides the BSN kept beside each pseudonym in the index, so that answers need no inverse permutation; null without
    // the processor's AES instructions, where the index turns pseudonyms back with the permutation.
    private readonly NumberMask? _mask;

    // A key derived from the secret for texts that identify a person (a substitute number's details): the secret itself
    // is not kept.
    private readonly byte[] _textKey;

    // The HMAC under the text key this thread used last, reused while it keys texts with the same key: the platform's
    // one-shot HMAC sets its state up anew on every call, which took more than twice as long as the hash itself for the
    // address the family feed keys on every change. A process has one pseudonymiser, or two during a migration.
    [ThreadStatic]
    private static TextHash? t_textHash;

    // A key derived from the secret that seals (encrypts) such a text, so that a key rotation can open it under the old
    // key and key it again under the new one; a hash alone could never be moved to another key.
    private readonly byte[] _sealKey;

    /// <summary>Initializes a new instance with the default scheme, <see cref="PseudonymisationScheme.FeistelTables"/>.</summary>
    /// <param name="key">The secret key: at least 32 bytes of random data, kept by the host (for example in its key vault).</param>
    /// <exception cref="WeakKeyException">The key is shorter than 32 bytes, or is printable text or a filler.</exception>
    public YouthPseudonymiser(ReadOnlySpan<byte> key)
        : this(key, PseudonymisationScheme.FeistelTables)
    {
    }

    /// <summary>Initializes a new instance with a given scheme; the store must have been written with the same key and scheme.</summary>
    /// <param name="key">The secret key: at least 32 bytes of random data, kept by the host (for example in its key vault).</param>
    /// <param name="scheme">The permutation.</param>
    /// <exception cref="WeakKeyException">The key is shorter than 32 bytes, or is printable text or a filler.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined scheme.</exception>
    public YouthPseudonymiser(ReadOnlySpan<byte> key, PseudonymisationScheme scheme)
        : this(key, scheme, useProcessorAes: true)
    {
    }

    /// <summary>Initializes a new instance, optionally without the processor's AES instructions, so that tests can hold both ways of computing FF1 to the same answers.</summary>
    internal YouthPseudonymiser(ReadOnlySpan<byte> key, PseudonymisationScheme scheme, bool useProcessorAes)
    {
        KeyMaterial.Check(key, "youth pseudonymisation", nameof(key));
        Span<byte> block = stackalloc byte[32];
        switch (scheme)
        {
            case PseudonymisationScheme.Ff1:
                HMACSHA256.HashData(key, "cc.index.ff1.aes128"u8, block);
                _ff1 = new Ff1Permutation(block[..16], useProcessorAes);
                CryptographicOperations.ZeroMemory(block);
                break;
            case PseudonymisationScheme.FeistelTables:
                _tables = new FeistelTablePermutation(key);
                break;
            case PseudonymisationScheme.FeistelAes:
                HMACSHA256.HashData(key, "cc.index.feistel.aes128"u8, block);
                _aes = new AesFeistelPermutation(block[..16], useProcessorAes);
                CryptographicOperations.ZeroMemory(block);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Choose PseudonymisationScheme.FeistelAes, FeistelTables or Ff1.");
        }

        if (useProcessorAes && NumberMask.IsSupported)
        {
            HMACSHA256.HashData(key, "cc.index.number.mask.aes128"u8, block);
            _mask = new NumberMask(block[..16]);
            CryptographicOperations.ZeroMemory(block);
        }

        Scheme = scheme;
        _textKey = HMACSHA256.HashData(key, "cc.index.text.key"u8);
        _sealKey = HMACSHA256.HashData(key, "cc.index.seal.key"u8);
        HMACSHA256.HashData(key, "cc.index.key.fingerprint"u8, block);
        var keyFingerprint = Convert.ToHexStringLower(block[..8]);
        KeyFingerprint = FingerprintPrefix(scheme) + keyFingerprint;
    }

    /// <summary>
    /// Gets the scheme to key youths with when the host names none. A store that recorded its keying keeps the scheme it
    /// was written with, so that its pseudonyms stay the same. A new store, or an index without one, gets
    /// <see cref="PseudonymisationScheme.FeistelAes"/> where the processor has AES instructions (AES-NI): on a region's
    /// workload the fastest of the three, and it reads no memory that depends on a BSN (docs/privacy.md). Elsewhere it
    /// gets <see cref="PseudonymisationScheme.FeistelTables"/>, which needs no AES instructions to be fast.
    /// </summary>
    /// <param name="recordedKeying">
    /// What the store the index will open recorded (<see cref="Storage.IYouthKeyedStore.ReadYouthKeying"/>), or
    /// <see langword="null"/> for a new store or an index that keeps nothing.
    /// </param>
    /// <returns>The scheme to construct the pseudonymiser with.</returns>
    public static PseudonymisationScheme SchemeFor(string? recordedKeying) =>
        recordedKeying is { } recorded && SchemeOfFingerprint(recorded) is { } scheme ? scheme
        : Aes128Rounds.OnProcessor ? PseudonymisationScheme.FeistelAes
        : PseudonymisationScheme.FeistelTables;

    /// <summary>The scheme whose prefix a keying fingerprint starts with, or <see langword="null"/> when it names none.</summary>
    internal static PseudonymisationScheme? SchemeOfFingerprint(string fingerprint)
    {
        foreach (var scheme in Enum.GetValues<PseudonymisationScheme>())
        {
            if (fingerprint.StartsWith(FingerprintPrefix(scheme), StringComparison.Ordinal))
            {
                return scheme;
            }
        }

        return null;
    }

    /// <summary>Gets the permutation this pseudonymiser uses.</summary>
    public PseudonymisationScheme Scheme { get; }

    /// <summary>
    /// Gets a fingerprint of the scheme and the key (an HMAC of a fixed text, not the key): <c>hmac-sha256:</c> for
    /// <see cref="PseudonymisationScheme.FeistelTables"/>, <c>ff1:</c> or <c>aes-feistel:</c>, and 16 hexadecimal digits
    /// that are the same for one key under every scheme. Stores record it so that an index with another key or scheme is refused.
    /// </summary>
    public string KeyFingerprint { get; }

    /// <summary>Gets a value indicating whether an AES scheme runs on the processor's AES instructions (AES-NI) rather than the platform's slower AES.</summary>
    internal bool UsesProcessorAes => _ff1?.UsesProcessorAes ?? _aes?.UsesProcessorAes ?? false;

    /// <summary>Returns the prefix a scheme's fingerprints start with.</summary>
    /// <param name="scheme">The scheme.</param>
    /// <returns><c>hmac-sha256:</c>, <c>ff1:</c> or <c>aes-feistel:</c>.</returns>
    internal static string FingerprintPrefix(PseudonymisationScheme scheme) => scheme switch
    {
        PseudonymisationScheme.Ff1 => Ff1FingerprintPrefix,
        PseudonymisationScheme.FeistelAes => FeistelAesFingerprintPrefix,
        _ => TablesFingerprintPrefix,
    };

    /// <summary>Returns the pseudonym of a BSN's number.</summary>
    /// <param name="number">A number from 1 to 999,999,999.</param>
    /// <returns>Its pseudonym, also from 1 to 999,999,999.</returns>
    internal int Forward(int number) => _aes is not null ? _aes.Forward(number) : _ff1 is not null ? _ff1.Forward(number) : _tables!.Forward(number);

    /// <summary>Returns the pseudonyms of several BSNs' numbers; under <see cref="PseudonymisationScheme.FeistelAes"/> four at a time side by side, in about the time of one.</summary>
    /// <param name="numbers">Numbers from 1 to 999,999,999.</param>
    /// <param name="pseudonyms">Where their pseudonyms go, in the same order.</param>
    internal void Forward(ReadOnlySpan<int> numbers, Span<int> pseudonyms)
    {
        if (_aes is not null)
        {
            _aes.Forward(numbers, pseudonyms);
            return;
        }

        for (var i = 0; i < numbers.Length; i++)
        {
            pseudonyms[i] = Forward(numbers[i]);
        }
    }

    /// <summary>Returns a keyed hash of a text that identifies a person, so that a store holds it without letting anyone who guesses the text find the person.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The HMAC-SHA256 under a key derived from the secret, in lower-case hexadecimal.</returns>
    internal string KeyText(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        KeyText(default, text, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Writes the keyed hash of <see cref="KeyText(string)"/> of a prefix and a text, without building the text, for the family feed that keys an address on every change.</summary>
    /// <param name="prefix">What the text starts with.</param>
    /// <param name="text">The rest of the text.</param>
    /// <param name="hash">Where the 32 bytes of the HMAC-SHA256 go.</param>
    internal void KeyText(ReadOnlySpan<char> prefix, ReadOnlySpan<char> text, Span<byte> hash)
    {
        var length = System.Text.Encoding.UTF8.GetMaxByteCount(prefix.Length + text.Length);
        var rented = length > 256 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        var bytes = rented ?? stackalloc byte[256];
        var written = System.Text.Encoding.UTF8.GetBytes(prefix, bytes);
        written += System.Text.Encoding.UTF8.GetBytes(text, bytes[written..]);
        if (t_textHash is not { } cached || !ReferenceEquals(cached.Key, _textKey))
        {
            t_textHash?.Hmac.Dispose();
            t_textHash = cached = new TextHash(_textKey, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _textKey));
        }

        cached.Hmac.AppendData(bytes[..written]);
        cached.Hmac.GetHashAndReset(hash);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Seals a text that identifies a person with AES-256-GCM under a key derived from the secret, with a fresh nonce.</summary>
    /// <param name="text">The text.</param>
    /// <returns><c>gcm:</c> and the nonce, the cipher text and the tag, in base 64.</returns>
    internal string Seal(string text)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[AesGcm.NonceByteSizes.MaxSize + plain.Length + AesGcm.TagByteSizes.MaxSize];
        var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealKey, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(nonce.Length, plain.Length), sealedBytes.AsSpan(nonce.Length + plain.Length));
        return SealedPrefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>Opens a text <see cref="Seal"/> sealed under this key.</summary>
    /// <param name="sealedText">The sealed text.</param>
    /// <returns>The text.</returns>
    /// <exception cref="CryptographicException">The text was not sealed under this key, or was changed.</exception>
    internal string Unseal(string sealedText)
    {
        if (!sealedText.StartsWith(SealedPrefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("The text is not sealed.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedText[SealedPrefix.Length..]);
        }
        catch (FormatException error)
        {
            throw new CryptographicException("The sealed text is not base 64.", error);
        }

        var overhead = AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize;
        if (sealedBytes.Length < overhead)
        {
            throw new CryptographicException("The sealed text is too short.");
        }

        var plain = new byte[sealedBytes.Length - overhead];
        using var aes = new AesGcm(_sealKey, AesGcm.TagByteSizes.MaxSize);
        aes.Decrypt(sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize), sealedBytes.AsSpan(AesGcm.NonceByteSizes.MaxSize, plain.Length), sealedBytes.AsSpan(sealedBytes.Length - AesGcm.TagByteSizes.MaxSize), plain);
        return System.Text.Encoding.UTF8.GetString(plain);
    }

    /// <summary>Gets a value indicating whether the index may keep each youth's BSN beside its pseudonym, masked (<see cref="MaskOf"/>).</summary>
    internal bool MasksNumbers => _mask is not null;

    /// <summary>The mask that hides the BSN kept beside <paramref name="pseudonym"/>; only when <see cref="MasksNumbers"/>.</summary>
    internal int MaskOf(int pseudonym) => _mask!.Of(pseudonym);

    /// <summary>Returns the number whose pseudonym this is.</summary>
    /// <param name="pseudonym">A pseudonym from <see cref="Forward(int)"/>.</param>
    /// <returns>The number.</returns>
    internal int Inverse(int pseudonym) => _aes is not null ? _aes.Inverse(pseudonym) : _ff1 is not null ? _ff1.Inverse(pseudonym) : _tables!.Inverse(pseudonym);

    private sealed record TextHash(byte[] Key, IncrementalHash Hmac);
}
