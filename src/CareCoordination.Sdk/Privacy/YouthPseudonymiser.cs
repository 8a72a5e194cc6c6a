using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Lets the reference index match on a keyed pseudonym of the BSN instead of the BSN itself, so that the index's memory
/// structures and its store hold no citizen numbers: a keyed permutation of the numbers 1 to 999,999,999 — a
/// ten-round Feistel network over 30 bits whose round functions are tables derived with HMAC-SHA256 from a key the
/// host supplies, walked until it lands in range again. A permutation never maps two youths to one pseudonym, so
/// matching stays exact; with the key the index turns pseudonyms back into BSNs for the professionals it answers.
/// </summary>
/// <remarks>
/// Thread-safe and immutable after construction (about 20 ms to derive the 640 KB of round tables). The tables are as
/// secret as the key: a dump of the whole process can reverse pseudonyms, a copy of the index's store or of its slot
/// memory cannot. An index and its store must always use the same key; to switch, copy the store into a new one under the new key with <see cref="Storage.Migration.YouthKeyMigration"/>.
/// </remarks>
public sealed class YouthPseudonymiser
{
    private const int Rounds = 10;
    private const int HalfBits = 15;
    private const int HalfMask = (1 << HalfBits) - 1;
    private const int MaxNumber = 999_999_999;
    private const string SealedPrefix = "gcm:";

    private readonly ushort[] _tables = new ushort[Rounds << HalfBits];

    // A key derived from the secret for texts that identify a person (a substitute number's details): the secret itself
    // is not kept.
    private readonly byte[] _textKey;

    // A key derived from the secret that seals (encrypts) such a text, so that a key rotation can open it under the old
    // key and key it again under the new one; a hash alone could never be moved to another key.
    private readonly byte[] _sealKey;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">The secret key: at least 32 bytes of random data, kept by the host (for example in its key vault).</param>
    /// <exception cref="WeakKeyException">The key is shorter than 32 bytes, or is printable text or a filler.</exception>
    public YouthPseudonymiser(ReadOnlySpan<byte> key)
    {
        KeyMaterial.Check(key, "youth pseudonymisation", nameof(key));

        Span<byte> message = stackalloc byte[24];
        "cc.index.round.1"u8.CopyTo(message);
        Span<byte> block = stackalloc byte[32];
        for (var round = 0; round < Rounds; round++)
        {
            for (var chunk = 0; chunk < (1 << HalfBits) / 16; chunk++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(message[16..], round);
                BinaryPrimitives.WriteInt32LittleEndian(message[20..], chunk);
                HMACSHA256.HashData(key, message, block);
                for (var i = 0; i < 16; i++)
                {
                    _tables[(round << HalfBits) + (chunk * 16) + i] = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(block[(i * 2)..]) & HalfMask);
                }
            }
        }

        _textKey = HMACSHA256.HashData(key, "cc.index.text.key"u8);
        _sealKey = HMACSHA256.HashData(key, "cc.index.seal.key"u8);
        HMACSHA256.HashData(key, "cc.index.key.fingerprint"u8, block);
        KeyFingerprint = "hmac-sha256:" + Convert.ToHexStringLower(block[..8]);
    }

    /// <summary>Gets a fingerprint of the key (an HMAC of a fixed text, not the key): stores record it so that an index with another key is refused.</summary>
    public string KeyFingerprint { get; }

    /// <summary>Returns the pseudonym of a BSN's number.</summary>
    /// <param name="number">A number from 1 to 999,999,999.</param>
    /// <returns>Its pseudonym, also from 1 to 999,999,999.</returns>
    internal int Forward(int number)
    {
        var x = number;
        do
        {
            x = Encrypt(x);
        }
        while (x == 0 || x > MaxNumber);

        return x;
    }

    /// <summary>Returns a keyed hash of a text that identifies a person, so that a store holds it without letting anyone who guesses the text find the person.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The HMAC-SHA256 under a key derived from the secret, in lower-case hexadecimal.</returns>
    internal string KeyText(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_textKey, System.Text.Encoding.UTF8.GetBytes(text)));

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

    /// <summary>Returns the number whose pseudonym this is.</summary>
    /// <param name="pseudonym">A pseudonym from <see cref="Forward"/>.</param>
    /// <returns>The number.</returns>
    internal int Inverse(int pseudonym)
    {
        var x = pseudonym;
        do
        {
            x = Decrypt(x);
        }
        while (x == 0 || x > MaxNumber);

        return x;
    }

    private int Encrypt(int x)
    {
        int left = x >> HalfBits, right = x & HalfMask;
        var tables = _tables.AsSpan();
        for (var round = 0; round < Rounds; round++)
        {
            (left, right) = (right, left ^ tables[(round << HalfBits) + right]);
        }

        return (left << HalfBits) | right;
    }

    private int Decrypt(int x)
    {
        int left = x >> HalfBits, right = x & HalfMask;
        var tables = _tables.AsSpan();
        for (var round = Rounds - 1; round >= 0; round--)
        {
            (left, right) = (right ^ tables[(round << HalfBits) + left], left);
        }

        return (left << HalfBits) | right;
    }
}
