using System;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;
using CareCoordination.Sdk.Privacy;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy;

public sealed class AesFeistelPermutationTests
{
    [Property(MaxTest = 300)]
    public void A_pseudonym_is_the_ten_round_AES_Feistel_network_of_the_BSN_s_number_walked_into_the_BSN_s_range(PositiveInt raw, int keySeed)
    {
        var key = Key(keySeed);
        var number = 1 + (raw.Get % 999_999_999);

        var pseudonym = new AesFeistelPermutation(key).Forward(number);

        var expected = number;
        do
        {
            expected = ReferenceNetwork(key, expected);
        }
        while (expected == 0 || expected > 999_999_999);

        Assert.Equal(expected, pseudonym);
    }

    [Property(MaxTest = 300)]
    public void The_platform_s_AES_gives_the_pseudonyms_the_processor_s_AES_instructions_give_and_both_turn_them_back(PositiveInt raw, int keySeed)
    {
        var key = Key(keySeed);
        var number = 1 + (raw.Get % 999_999_999);
        var processor = new AesFeistelPermutation(key);
        var platform = new AesFeistelPermutation(key, useProcessorAes: false);

        Assert.False(platform.UsesProcessorAes);
        Assert.Equal(processor.Forward(number), platform.Forward(number));
        Assert.Equal(number, platform.Inverse(processor.Forward(number)));
        Assert.Equal(number, processor.Inverse(platform.Forward(number)));
    }

    [Property(MaxTest = 200)]
    public void Numbers_turned_together_get_the_pseudonyms_they_get_one_by_one_and_come_back_one_by_one(PositiveInt[] raw, int keySeed)
    {
        var permutation = new AesFeistelPermutation(Key(keySeed));
        var numbers = raw.Select(r => 1 + (r.Get % 999_999_999)).ToArray();
        var pseudonyms = new int[numbers.Length];

        permutation.Forward(numbers, pseudonyms);

        Assert.Equal(numbers.Select(permutation.Forward), pseudonyms);
        Assert.Equal(numbers, pseudonyms.Select(permutation.Inverse));
    }

    [Fact]
    public void Numbers_whose_first_pass_leaves_the_BSN_s_range_walk_on_alike_one_by_one_and_together()
    {
        var key = Key(17);
        var permutation = new AesFeistelPermutation(key);
        var walkers = Enumerable.Range(1, 400).Select(n => n * 2_411_719).Where(n => ReferenceNetwork(key, n) is 0 or > 999_999_999).Take(6).ToArray();
        var together = new int[walkers.Length];

        permutation.Forward(walkers, together);

        Assert.Equal(6, walkers.Length);
        Assert.All(together, p => Assert.InRange(p, 1, 999_999_999));
        Assert.Equal(walkers.Select(permutation.Forward), together);
        Assert.Equal(walkers, together.Select(permutation.Inverse));
    }

    [Fact]
    public void The_scheme_s_pseudonyms_of_a_fixed_key_stay_what_stores_were_written_with()
    {
        var permutation = new AesFeistelPermutation(Convert.FromHexString("000102030405060708090A0B0C0D0E0F"));

        // Fixed once from the reference network below: a change to the permutation would give every stored youth another
        // pseudonym, and must be a new scheme instead.
        Assert.Equal([791_324_926, 655_147_039, 740_374_709], new[] { 123_456_782, 1, 999_999_999 }.Select(permutation.Forward));
    }

    [Fact]
    public void A_key_that_is_not_sixteen_bytes_is_refused()
    {
        var refused = Assert.Throws<ArgumentException>(() => new AesFeistelPermutation(new byte[15]));

        Assert.StartsWith("An AES-128 key is 16 bytes.", refused.Message, StringComparison.Ordinal);
    }

    private static byte[] Key(int seed)
    {
        var key = new byte[16];
        new Random(seed).NextBytes(key);
        return key;
    }

    // The network as docs/privacy.md describes it, on the platform's AES, one round at a time: the 30 bits split into
    // 15-bit halves (L, R); round i maps them to (R, L xor F_i(R)), F_i(R) the low 15 bits (little-endian) of AES-128 of
    // the block [R as 4 bytes little-endian, i as 4 bytes little-endian, 8 zero bytes].
    private static int ReferenceNetwork(byte[] key, int x)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        int left = x >> 15, right = x & 0x7FFF;
        for (var round = 0; round < 10; round++)
        {
            var block = new byte[16];
            BinaryPrimitives.WriteInt32LittleEndian(block, right);
            BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(4), round);
            var output = aes.EncryptEcb(block, PaddingMode.None);
            (left, right) = (right, left ^ (BinaryPrimitives.ReadInt32LittleEndian(output) & 0x7FFF));
        }

        return (left << 15) | right;
    }
}
