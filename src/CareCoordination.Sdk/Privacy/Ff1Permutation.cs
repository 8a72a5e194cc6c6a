using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The permutation of <see cref="PseudonymisationScheme.Ff1"/>: NIST SP 800-38G FF1 with AES-128 over nine decimal
/// digits (radix 10, no tweak), walked past 0 so that it permutes 1 to 999,999,999.
/// </summary>
/// <remarks>
/// With nine digits FF1's halves are four and five digits, its <c>b</c> is 3 bytes and its <c>d</c> 8, so each of its
/// ten rounds is one AES block: the CBC-MAC's first block <c>P</c> is the same for every number, and is encrypted once
/// here. The rounds are therefore a chain of ten AES encryptions on the processor's AES instructions, with no table and
/// no memory access that depends on the number; without them, the platform's AES does the same blocks more slowly.
/// </remarks>
internal sealed class Ff1Permutation
{
    private const int Rounds = 10;

    // u = 4 and v = 5 digits: the halves A and B of a nine-digit number.
    private const int HighModulus = 10_000;
    private const int LowModulus = 100_000;

    // The AES-128 round keys, for the processor's AES instructions.
    private readonly Vector128<byte>[] _roundKeys = new Vector128<byte>[Aes128Rounds.RoundKeyCount];

    // AES(P), the CBC-MAC's first block, which every round's second block Q is XORed with before it is encrypted; on
    // the processor's path already XORed with the first round key too, which saves that XOR in every round.
    private readonly ulong _firstLow;
    private readonly ulong _firstHigh;

    // The platform's AES, where the processor's AES instructions are not used.
    private readonly System.Security.Cryptography.Aes? _portable;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="aesKey">The 16-byte AES-128 key.</param>
    /// <param name="useProcessorAes">Whether to use the processor's AES instructions when it has them; tests turn it off to hold both paths to the same answers.</param>
    public Ff1Permutation(ReadOnlySpan<byte> aesKey, bool useProcessorAes = true)
    {
        // P = [1] [2] [1] [radix]^3 [10] [u mod 256] [n]^4 [t]^4 (SP 800-38G, FF1 step 5).
        ReadOnlySpan<byte> p = [1, 2, 1, 0, 0, 10, 10, 4, 0, 0, 0, 9, 0, 0, 0, 0];
        Span<byte> first = stackalloc byte[16];
        _portable = Aes128Rounds.Prepare(aesKey, useProcessorAes, _roundKeys);
        if (_portable is null)
        {
            (Aes128Rounds.Encrypt(Vector128.Create(p), _roundKeys) ^ _roundKeys[0]).CopyTo(first);
        }
        else
        {
            p.CopyTo(first);
            Aes128Rounds.EncryptPortable(_portable, first);
        }

        _firstLow = BinaryPrimitives.ReadUInt64LittleEndian(first);
        _firstHigh = BinaryPrimitives.ReadUInt64LittleEndian(first[8..]);
    }

    /// <summary>Gets a value indicating whether this instance uses the processor's AES instructions.</summary>
    public bool UsesProcessorAes => _portable is null;

    public int Forward(int number)
    {
        var x = number;
        do
        {
            x = Encrypt(x);
        }
        while (x == 0);

        return x;
    }

    public int Inverse(int pseudonym)
    {
        var x = pseudonym;
        do
        {
            x = Decrypt(x);
        }
        while (x == 0);

        return x;
    }

    // FF1.Encrypt, steps 3 to 7, with A and B as their numbers: each round adds the round function of B to A modulo
    // 10^m, m alternating between u (even rounds) and v (odd rounds), and swaps them.
    private int Encrypt(int x)
    {
        int a = x / LowModulus, b = x % LowModulus;
        for (var round = 0; round < Rounds; round += 2)
        {
            var c = a + (int)(RoundFunction(round, b) % HighModulus);
            (a, b) = (b, c >= HighModulus ? c - HighModulus : c);
            c = a + (int)(RoundFunction(round + 1, b) % LowModulus);
            (a, b) = (b, c >= LowModulus ? c - LowModulus : c);
        }

        return (a * LowModulus) + b;
    }

    // FF1.Decrypt, steps 3 to 7: the rounds in reverse, subtracting the round function of A from B.
    private int Decrypt(int x)
    {
        int a = x / LowModulus, b = x % LowModulus;
        for (var round = Rounds - 1; round > 0; round -= 2)
        {
            var c = b - (int)(RoundFunction(round, a) % LowModulus);
            (b, a) = (a, c < 0 ? c + LowModulus : c);
            c = b - (int)(RoundFunction(round - 1, a) % HighModulus);
            (b, a) = (a, c < 0 ? c + HighModulus : c);
        }

        return (a * LowModulus) + b;
    }

    // NUM(S) for S the first d = 8 bytes of R = PRF(P || Q), Q = [0]^12 [round] [NUM(B)]^3.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong RoundFunction(int round, int half)
    {
        var q = (ulong)BinaryPrimitives.ReverseEndianness((uint)((round << 24) | half)) << 32;
        if (_portable is null)
        {
            var r = Aes128Rounds.EncryptWhitened(Vector128.Create(_firstLow, _firstHigh ^ q).AsByte(), _roundKeys);
            return BinaryPrimitives.ReverseEndianness(r.AsUInt64().ToScalar());
        }

        return PortableRoundFunction(q);
    }

    private ulong PortableRoundFunction(ulong q)
    {
        Span<byte> block = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(block, _firstLow);
        BinaryPrimitives.WriteUInt64LittleEndian(block[8..], _firstHigh ^ q);
        Aes128Rounds.EncryptPortable(_portable!, block);

        return BinaryPrimitives.ReadUInt64BigEndian(block);
    }
}
