using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using AesNi = System.Runtime.Intrinsics.X86.Aes;
using Sse2 = System.Runtime.Intrinsics.X86.Sse2;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// AES-128 (FIPS 197) on the processor's AES instructions, for the permutations whose round functions are AES blocks:
/// the key expansion and the encryption of one block, computed in registers with no table.
/// </summary>
internal static class Aes128Rounds
{
    /// <summary>The number of round keys of AES-128: the key itself and one for each of its ten rounds.</summary>
    public const int RoundKeyCount = 11;

    /// <summary>Gets a value indicating whether the processor has the AES instructions (AES-NI) this class computes with.</summary>
    public static bool OnProcessor => AesNi.IsSupported;

    /// <summary>
    /// Sets a permutation's AES-128 key up: its round keys for the processor's AES instructions when it has them and
    /// they are wanted, or else the platform's AES, which <see cref="EncryptPortable"/> then uses.
    /// </summary>
    /// <param name="aesKey">The 16-byte key.</param>
    /// <param name="useProcessorAes">Whether to use the processor's AES instructions when it has them.</param>
    /// <param name="roundKeys">Where the eleven round keys go on the processor's path.</param>
    /// <returns><see langword="null"/> on the processor's path; otherwise the platform's AES under the key.</returns>
    /// <exception cref="ArgumentException">The key is not 16 bytes.</exception>
    public static System.Security.Cryptography.Aes? Prepare(ReadOnlySpan<byte> aesKey, bool useProcessorAes, Span<Vector128<byte>> roundKeys)
    {
        if (aesKey.Length != 16)
        {
            throw new ArgumentException("An AES-128 key is 16 bytes.", nameof(aesKey));
        }

        if (useProcessorAes && OnProcessor)
        {
            ExpandKey(Vector128.Create(aesKey), roundKeys);
            return null;
        }

        var portable = System.Security.Cryptography.Aes.Create();
        portable.Key = aesKey.ToArray();
        return portable;
    }

    /// <summary>Encrypts one block in place on the platform's AES, one call at a time: its one-shot calls are not documented as thread-safe.</summary>
    /// <param name="portable">The platform's AES from <see cref="Prepare"/>.</param>
    /// <param name="block">The 16-byte block.</param>
    public static void EncryptPortable(System.Security.Cryptography.Aes portable, Span<byte> block)
    {
        lock (portable)
        {
            portable.EncryptEcb(block, block, PaddingMode.None);
        }
    }

    /// <summary>Encrypts one block whose first AddRoundKey (XOR with <paramref name="keys"/>[0]) the caller has already done.</summary>
    /// <param name="x">The block, XORed with the first round key.</param>
    /// <param name="keys">The eleven round keys.</param>
    /// <returns>The encrypted block.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> EncryptWhitened(Vector128<byte> x, ReadOnlySpan<Vector128<byte>> keys)
    {
        x = AesNi.Encrypt(x, keys[1]);
        x = AesNi.Encrypt(x, keys[2]);
        x = AesNi.Encrypt(x, keys[3]);
        x = AesNi.Encrypt(x, keys[4]);
        x = AesNi.Encrypt(x, keys[5]);
        x = AesNi.Encrypt(x, keys[6]);
        x = AesNi.Encrypt(x, keys[7]);
        x = AesNi.Encrypt(x, keys[8]);
        x = AesNi.Encrypt(x, keys[9]);
        return AesNi.EncryptLast(x, keys[10]);
    }

    /// <summary>Encrypts one block.</summary>
    /// <param name="block">The block.</param>
    /// <param name="keys">The eleven round keys.</param>
    /// <returns>The encrypted block.</returns>
    public static Vector128<byte> Encrypt(Vector128<byte> block, ReadOnlySpan<Vector128<byte>> keys) => EncryptWhitened(block ^ keys[0], keys);

    /// <summary>FIPS 197's key expansion for AES-128, on the processor's key-generation instruction (whose round constant must be a constant, hence one line per round).</summary>
    /// <param name="key">The 16-byte key.</param>
    /// <param name="keys">Where the eleven round keys go.</param>
    public static void ExpandKey(Vector128<byte> key, Span<Vector128<byte>> keys)
    {
        keys[0] = key;
        keys[1] = key = Next(key, AesNi.KeygenAssist(key, 0x01));
        keys[2] = key = Next(key, AesNi.KeygenAssist(key, 0x02));
        keys[3] = key = Next(key, AesNi.KeygenAssist(key, 0x04));
        keys[4] = key = Next(key, AesNi.KeygenAssist(key, 0x08));
        keys[5] = key = Next(key, AesNi.KeygenAssist(key, 0x10));
        keys[6] = key = Next(key, AesNi.KeygenAssist(key, 0x20));
        keys[7] = key = Next(key, AesNi.KeygenAssist(key, 0x40));
        keys[8] = key = Next(key, AesNi.KeygenAssist(key, 0x80));
        keys[9] = key = Next(key, AesNi.KeygenAssist(key, 0x1B));
        keys[10] = Next(key, AesNi.KeygenAssist(key, 0x36));

        static Vector128<byte> Next(Vector128<byte> key, Vector128<byte> assist)
        {
            var word = Sse2.Shuffle(assist.AsInt32(), 0xFF).AsByte();
            key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
            key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
            key ^= Sse2.ShiftLeftLogical128BitLane(key, 4);
            return key ^ word;
        }
    }
}
