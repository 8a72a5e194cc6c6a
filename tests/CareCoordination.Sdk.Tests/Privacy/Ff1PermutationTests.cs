using System;
using System.Linq;
using CareCoordination.Sdk.Privacy;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy;

public sealed class Ff1PermutationTests
{
    private static readonly byte[] NistKey = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");

    [Theory]
    [InlineData(10, "", "0123456789", "2433477484")]
    [InlineData(10, "39383736353433323130", "0123456789", "6124200773")]
    [InlineData(36, "3737373770717273373737", "0123456789abcdefghi", "a9tv40mll9kdu509eum")]
    public void The_reference_FF1_gives_the_NIST_sample_cipher_texts(int radix, string tweak, string plain, string expected)
    {
        var cipher = Ff1Reference.Encrypt(NistKey, radix, Convert.FromHexString(tweak), [.. plain.Select(Numeral)]);

        Assert.Equal(expected, string.Concat(cipher.Select(x => "0123456789abcdefghijklmnopqrstuvwxyz"[x])));
    }

    [Property(MaxTest = 300)]
    public void A_pseudonym_is_FF1_of_the_BSN_s_nine_digits_as_NIST_defines_it_walked_past_zero(PositiveInt raw, int keySeed)
    {
        var key = new byte[16];
        new Random(keySeed).NextBytes(key);
        var number = 1 + (raw.Get % 999_999_999);

        var pseudonym = new Ff1Permutation(key).Forward(number);

        var expected = number;
        do
        {
            expected = Nine(Ff1Reference.Encrypt(key, 10, [], [.. expected.ToString("D9", System.Globalization.CultureInfo.InvariantCulture).Select(Numeral)]));
        }
        while (expected == 0);

        Assert.Equal(expected, pseudonym);
    }

    [Property(MaxTest = 300)]
    public void The_platform_s_AES_gives_the_pseudonyms_the_processor_s_AES_instructions_give(PositiveInt raw, int keySeed)
    {
        var key = new byte[16];
        new Random(keySeed).NextBytes(key);
        var number = 1 + (raw.Get % 999_999_999);
        var processor = new Ff1Permutation(key);
        var platform = new Ff1Permutation(key, useProcessorAes: false);

        Assert.False(platform.UsesProcessorAes);
        Assert.Equal(processor.Forward(number), platform.Forward(number));
        Assert.Equal(number, platform.Inverse(processor.Forward(number)));
    }

    [Fact]
    public void The_one_number_FF1_maps_to_zero_is_walked_on_to_FF1_of_zero_and_back()
    {
        var key = new byte[16];
        var permutation = new Ff1Permutation(key);
        var ff1OfZero = Nine(Ff1Reference.Encrypt(key, 10, [], new int[9]));

        // 0 is no BSN: FF1 alone would give it to one number, which therefore takes a second encryption.
        var toZero = permutation.Inverse(0);

        Assert.InRange(toZero, 1, 999_999_999);
        Assert.Equal(ff1OfZero, permutation.Forward(toZero));
        Assert.Equal(toZero, permutation.Inverse(ff1OfZero));
    }

    private static int Nine(int[] digits) => digits.Aggregate(0, (sum, digit) => (sum * 10) + digit);

    private static int Numeral(char c) => c <= '9' ? c - '0' : c - 'a' + 10;
}
