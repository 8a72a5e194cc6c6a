using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The permutation of <see cref="PseudonymisationScheme.FeistelTables"/>: a ten-round Feistel network over 30 bits whose
/// round functions are tables derived with HMAC-SHA256, walked until it lands in 1 to 999,999,999 again.
/// </summary>
/// <remarks>Any change to it would give every youth of every store written with it another pseudonym: a faster permutation is another <see cref="PseudonymisationScheme"/>, with a fingerprint of its own.</remarks>
internal sealed class FeistelTablePermutation
{
    private const int Rounds = 10;
    private const int HalfBits = 15;
    private const int HalfMask = (1 << HalfBits) - 1;

    private readonly ushort[] _tables = new ushort[Rounds << HalfBits];

    public FeistelTablePermutation(ReadOnlySpan<byte> key)
    {
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
    }

    public int Forward(int number)
    {
        var x = number;
        do
        {
            x = Encrypt(x);
        }
        while (x == 0 || x > YouthPseudonymiser.MaxNumber);

        return x;
    }

    public int Inverse(int pseudonym)
    {
        var x = pseudonym;
        do
        {
            x = Decrypt(x);
        }
        while (x == 0 || x > YouthPseudonymiser.MaxNumber);

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
