using System;
using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The permutation of <see cref="PseudonymisationScheme.FeistelAes"/>: a ten-round balanced Feistel network over 30 bits
/// whose round function is one AES-128 block of the 15-bit half and the round's number, walked until it lands in 1 to
/// 999,999,999 again.
/// </summary>
/// <remarks>
/// The structure of <see cref="FeistelTablePermutation"/> with AES in place of its tables: each round computes its
/// function in registers on the processor's AES instructions, so a pseudonym reads no memory that depends on the BSN
/// and leaves the caches to the index. Without those instructions the platform's AES computes the same blocks more
/// slowly. Any change to it would give every youth of every store written with it another pseudonym.
/// </remarks>
internal sealed class AesFeistelPermutation
{
    private const int Rounds = 10;
    private const int HalfBits = 15;
    private const int HalfMask = (1 << HalfBits) - 1;

    // How many numbers the processor's path turns into pseudonyms at once (a family's members, which the family feed
    // gives together): their chains of AES blocks are independent, so four take little more than the time of one.
    private const int Lanes = 4;

    private readonly Vector128<byte>[] _roundKeys = new Vector128<byte>[Aes128Rounds.RoundKeyCount];

    // Round i's block before its half goes in: the round's number in bytes 4 to 7 (little-endian), XORed with the first
    // round key, which saves that XOR in every round.
    private readonly Vector128<byte>[] _roundBlocks = new Vector128<byte>[Rounds];

    // The platform's AES, where the processor's AES instructions are not used.
    private readonly System.Security.Cryptography.Aes? _portable;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="aesKey">The 16-byte AES-128 key.</param>
    /// <param name="useProcessorAes">Whether to use the processor's AES instructions when it has them; tests turn it off to hold both paths to the same answers.</param>
    public AesFeistelPermutation(ReadOnlySpan<byte> aesKey, bool useProcessorAes = true)
    {
        _portable = Aes128Rounds.Prepare(aesKey, useProcessorAes, _roundKeys);
        if (_portable is null)
        {
            for (var round = 0; round < Rounds; round++)
            {
                _roundBlocks[round] = Vector128.Create(0u, (uint)round, 0u, 0u).AsByte() ^ _roundKeys[0];
            }
        }
    }

    /// <summary>Gets a value indicating whether this instance uses the processor's AES instructions.</summary>
    public bool UsesProcessorAes => _portable is null;

    public int Forward(int number) => Walk(number, inverse: false);

    public int Inverse(int pseudonym) => Walk(pseudonym, inverse: true);

    /// <summary>Turns several numbers into their pseudonyms, four at a time side by side.</summary>
    /// <param name="numbers">Numbers from 1 to 999,999,999.</param>
    /// <param name="pseudonyms">Where their pseudonyms go, as many.</param>
    public void Forward(ReadOnlySpan<int> numbers, Span<int> pseudonyms)
    {
        if (pseudonyms.Length < numbers.Length)
        {
            throw new ArgumentException("There is a place for each pseudonym.", nameof(pseudonyms));
        }

        var i = 0;
        if (_portable is null)
        {
            Span<int> lanes = stackalloc int[Lanes];
            for (; numbers.Length - i > 1; i += Lanes)
            {
                var taken = Math.Min(Lanes, numbers.Length - i);
                lanes.Fill(1);
                numbers.Slice(i, taken).CopyTo(lanes);
                StepFour(lanes);
                for (var j = 0; j < taken; j++)
                {
                    // A step that left the BSN's range walks on from where it landed, as the one-at-a-time walk does.
                    pseudonyms[i + j] = lanes[j] == 0 || lanes[j] > YouthPseudonymiser.MaxNumber ? Walk(lanes[j], inverse: false) : lanes[j];
                }
            }
        }

        for (; i < numbers.Length; i++)
        {
            pseudonyms[i] = Walk(numbers[i], inverse: false);
        }
    }

    private int Walk(int x, bool inverse)
    {
        do
        {
            x = _portable is null ? Step(x, inverse) : PortableStep(x, inverse);
        }
        while (x == 0 || x > YouthPseudonymiser.MaxNumber);

        return x;
    }

    // One pass through the network. Its inverse is the same rounds in reverse order on the swapped halves, so both
    // directions share the round step (L, R) -> (R, L ^ F(R)). The halves stay in vector registers, each in the first
    // 4 bytes of a block that is 0 elsewhere, so that a round is one XOR into the round's block, the AES rounds, one AND
    // and one XOR, with no move between register files.
    private int Step(int x, bool inverse)
    {
        var keys = _roundKeys.AsSpan();
        var blocks = _roundBlocks.AsSpan(0, Rounds);
        var mask = Vector128.CreateScalar((uint)HalfMask).AsByte();
        var (left, right) = Halves(x, inverse);
        for (var i = 0; i < Rounds; i++)
        {
            var block = blocks[inverse ? Rounds - 1 - i : i];
            (left, right) = (right, left ^ (Aes128Rounds.EncryptWhitened(block ^ right, keys) & mask));
        }

        return Join(left, right, inverse);
    }

    // Step forward for four numbers in place, written out lane by lane so that the processor's four chains of AES
    // blocks overlap.
    private void StepFour(Span<int> x)
    {
        var keys = _roundKeys.AsSpan();
        var blocks = _roundBlocks.AsSpan(0, Rounds);
        var mask = Vector128.CreateScalar((uint)HalfMask).AsByte();
        var (l0, r0) = Halves(x[0], inverse: false);
        var (l1, r1) = Halves(x[1], inverse: false);
        var (l2, r2) = Halves(x[2], inverse: false);
        var (l3, r3) = Halves(x[3], inverse: false);
        for (var i = 0; i < Rounds; i++)
        {
            var block = blocks[i];
            (l0, r0) = (r0, l0 ^ (Aes128Rounds.EncryptWhitened(block ^ r0, keys) & mask));
            (l1, r1) = (r1, l1 ^ (Aes128Rounds.EncryptWhitened(block ^ r1, keys) & mask));
            (l2, r2) = (r2, l2 ^ (Aes128Rounds.EncryptWhitened(block ^ r2, keys) & mask));
            (l3, r3) = (r3, l3 ^ (Aes128Rounds.EncryptWhitened(block ^ r3, keys) & mask));
        }

        x[0] = Join(l0, r0, inverse: false);
        x[1] = Join(l1, r1, inverse: false);
        x[2] = Join(l2, r2, inverse: false);
        x[3] = Join(l3, r3, inverse: false);
    }

    private static (Vector128<byte> Left, Vector128<byte> Right) Halves(int x, bool inverse)
    {
        var high = Vector128.CreateScalar((uint)(x >> HalfBits)).AsByte();
        var low = Vector128.CreateScalar((uint)(x & HalfMask)).AsByte();
        return inverse ? (low, high) : (high, low);
    }

    private static int Join(Vector128<byte> left, Vector128<byte> right, bool inverse)
    {
        uint l = left.AsUInt32().ToScalar(), r = right.AsUInt32().ToScalar();
        return (int)(inverse ? (r << HalfBits) | l : (l << HalfBits) | r);
    }

    // Step on the platform's AES: round i's function is the low 15 bits of AES-128 of the block [half (4 bytes),
    // i (4 bytes), 0 (8 bytes)], both little-endian, which is what the processor's path computes in its registers.
    private int PortableStep(int x, bool inverse)
    {
        int left = inverse ? x & HalfMask : x >> HalfBits, right = inverse ? x >> HalfBits : x & HalfMask;
        Span<byte> block = stackalloc byte[16];
        for (var i = 0; i < Rounds; i++)
        {
            block.Clear();
            BinaryPrimitives.WriteInt32LittleEndian(block, right);
            BinaryPrimitives.WriteInt32LittleEndian(block[4..], inverse ? Rounds - 1 - i : i);
            Aes128Rounds.EncryptPortable(_portable!, block);

            (left, right) = (right, left ^ (BinaryPrimitives.ReadInt32LittleEndian(block) & HalfMask));
        }

        return inverse ? (right << HalfBits) | left : (left << HalfBits) | right;
    }
}
