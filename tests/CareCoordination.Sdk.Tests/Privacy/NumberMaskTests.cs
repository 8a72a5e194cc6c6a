using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using CareCoordination.Sdk.Privacy;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy;

public sealed class NumberMaskTests
{
    [Property(MaxTest = 300)]
    public void A_pseudonym_s_mask_is_the_low_thirty_bits_of_one_AES_block_of_the_pseudonym(PositiveInt pseudonym, int keySeed)
    {
        var key = Key(keySeed);
        if (RefusedWithoutAesInstructions(key))
        {
            return;
        }

        Span<byte> block = stackalloc byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(block, pseudonym.Get);
        using var platform = Aes.Create();
        platform.Key = key;
        platform.EncryptEcb(block, block, PaddingMode.None);

        var mask = new NumberMask(key).Of(pseudonym.Get);

        Assert.Equal(BinaryPrimitives.ReadInt32LittleEndian(block) & 0x3FFF_FFFF, mask);
    }

    [Property(MaxTest = 300)]
    public void A_masked_BSN_comes_back_under_its_own_pseudonym_and_is_never_negative(PositiveInt raw, PositiveInt pseudonym, int keySeed)
    {
        if (RefusedWithoutAesInstructions(Key(keySeed)))
        {
            return;
        }

        var mask = new NumberMask(Key(keySeed));
        var number = 1 + (raw.Get % 999_999_999);

        var masked = number ^ mask.Of(pseudonym.Get);

        Assert.True(masked >= 0);
        Assert.Equal(number, masked ^ mask.Of(pseudonym.Get));
    }

    [Fact]
    public void Masks_differ_from_one_pseudonym_and_one_key_to_the_next()
    {
        if (RefusedWithoutAesInstructions(Key(1)))
        {
            return;
        }

        var mask = new NumberMask(Key(1));

        Assert.NotEqual(mask.Of(1), mask.Of(2));
        Assert.NotEqual(mask.Of(1), new NumberMask(Key(2)).Of(1));
    }

    [Fact]
    public void A_pseudonymiser_without_the_processor_s_AES_keeps_no_masked_numbers()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.False(new YouthPseudonymiser(key, PseudonymisationScheme.FeistelTables, useProcessorAes: false).MasksNumbers);
        Assert.Equal(NumberMask.IsSupported, new YouthPseudonymiser(key, PseudonymisationScheme.FeistelTables).MasksNumbers);
    }

    // Without the processor's AES instructions a mask would cost more than the permutation it saves: it is refused, and
    // the index turns pseudonyms back with the permutation (the last test).
    private static bool RefusedWithoutAesInstructions(byte[] key)
    {
        if (NumberMask.IsSupported)
        {
            return false;
        }

        Assert.Throws<PlatformNotSupportedException>(() => new NumberMask(key));
        return true;
    }

    private static byte[] Key(int seed)
    {
        var key = new byte[16];
        new Random(seed).NextBytes(key);
        return key;
    }
}
