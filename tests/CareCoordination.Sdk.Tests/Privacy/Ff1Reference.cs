using System;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;

namespace CareCoordination.Sdk.Tests.Privacy;

/// <summary>
/// FF1 as NIST SP 800-38G writes it down, step by step, for any radix, length and tweak: slow (big integers, the
/// platform's AES block by block) and independent of the SDK's nine-digit version, which the tests hold to it.
/// </summary>
internal static class Ff1Reference
{
    private const int Rounds = 10;

    public static int[] Encrypt(byte[] key, int radix, byte[] tweak, int[] numerals)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var n = numerals.Length;
        var u = n / 2;
        var v = n - u;
        var a = numerals[..u];
        var b = numerals[u..];
        var bytes = (int)((BigInteger.Pow(radix, v) - 1).GetBitLength() + 7) / 8;
        var d = (4 * ((bytes + 3) / 4)) + 4;
        var p = new byte[] { 1, 2, 1 }
            .Concat(BigEndian(radix, 3)).Append((byte)10).Append((byte)(u % 256))
            .Concat(BigEndian(n, 4)).Concat(BigEndian(tweak.Length, 4)).ToArray();
        for (var i = 0; i < Rounds; i++)
        {
            var zeros = (((-tweak.Length - bytes - 1) % 16) + 16) % 16;
            var q = tweak.Concat(new byte[zeros]).Append((byte)i).Concat(BigEndian(Num(b, radix), bytes)).ToArray();
            var r = CbcMac(aes, [.. p, .. q]);
            var s = r.AsEnumerable();
            for (var j = 1; s.Count() < d; j++)
            {
                s = s.Concat(aes.EncryptEcb(r.Zip(BigEndian(j, 16), (x, y) => (byte)(x ^ y)).ToArray(), PaddingMode.None));
            }

            var y = new BigInteger(s.Take(d).ToArray(), isUnsigned: true, isBigEndian: true);
            var m = i % 2 == 0 ? u : v;
            var modulus = BigInteger.Pow(radix, m);
            var c = ((Num(a, radix) + y) % modulus + modulus) % modulus;
            (a, b) = (b, Str(c, radix, m));
        }

        return [.. a, .. b];
    }

    private static byte[] CbcMac(Aes aes, byte[] message)
    {
        var y = new byte[16];
        for (var block = 0; block < message.Length; block += 16)
        {
            y = aes.EncryptEcb(y.Zip(message[block..(block + 16)], (x, z) => (byte)(x ^ z)).ToArray(), PaddingMode.None);
        }

        return y;
    }

    private static BigInteger Num(int[] numerals, int radix) => numerals.Aggregate(BigInteger.Zero, (sum, x) => (sum * radix) + x);

    private static int[] Str(BigInteger value, int radix, int length)
    {
        var numerals = new int[length];
        for (var i = length - 1; i >= 0; i--)
        {
            numerals[i] = (int)(value % radix);
            value /= radix;
        }

        return numerals;
    }

    private static byte[] BigEndian(BigInteger value, int length)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[length - bytes.Length], .. bytes];
    }
}
