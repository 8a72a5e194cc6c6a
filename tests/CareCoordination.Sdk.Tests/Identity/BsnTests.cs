using System;
using CareCoordination.Sdk.Identity;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Identity;

public sealed class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData(" 111222333 ")]
    public void Nine_digits_that_pass_the_elfproef_parse_to_the_same_digits(string text)
    {
        var bsn = Bsn.Parse(text);

        Assert.Equal(text.Trim(), bsn.RevealDigits());
    }

    [Fact]
    public void A_historic_eight_digit_number_is_left_padded_with_zero()
    {
        var eightDigits = Bsn.FromNumber(TestNumberBelowHundredMillion()).RevealDigits()[1..];

        var bsn = Bsn.Parse(eightDigits);

        Assert.Equal("0" + eightDigits, bsn.RevealDigits());
    }

    [Fact]
    public void A_number_failing_the_elfproef_is_refused_with_a_message_that_masks_it()
    {
        var error = Assert.Throws<InvalidBsnException>(() => Bsn.Parse("123456789"));

        Assert.Equal(InvalidBsnReason.FailsElevenTest, error.Reason);
        Assert.DoesNotContain("123456789", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", error.Message, StringComparison.Ordinal);
        Assert.Contains("*****6789", error.Message, StringComparison.Ordinal);
        Assert.Equal("*****6789", error.MaskedValue);
    }

    [Theory]
    [InlineData("", InvalidBsnReason.WrongLength)]
    [InlineData("1234567", InvalidBsnReason.WrongLength)]
    [InlineData("1112223334", InvalidBsnReason.WrongLength)]
    [InlineData("11122233a", InvalidBsnReason.NotDigits)]
    [InlineData("111-22-333", InvalidBsnReason.WrongLength)]
    [InlineData("000000000", InvalidBsnReason.FailsElevenTest)]
    public void Malformed_text_is_refused_with_its_reason(string text, InvalidBsnReason reason)
    {
        var error = Assert.Throws<InvalidBsnException>(() => Bsn.Parse(text));

        Assert.Equal(reason, error.Reason);
        Assert.False(Bsn.TryParse(text, out var parsed));
        Assert.True(parsed.IsDefault);
    }

    [Fact]
    public void TryParse_of_null_is_false_and_never_throws()
    {
        Assert.False(Bsn.TryParse((string?)null, out _));
    }

    [Fact]
    public void ToString_masks_all_but_the_last_four_digits()
    {
        var bsn = Bsn.Parse("111222333");

        Assert.Equal("*****2333", bsn.ToString());
        Assert.Equal("*****2333", $"{bsn}");
    }

    [Fact]
    public void The_default_value_is_not_a_valid_number_and_says_so()
    {
        Assert.True(default(Bsn).IsDefault);
        Assert.Equal("(none)", default(Bsn).ToString());
        Assert.Throws<InvalidBsnException>(() => Bsn.FromNumber(0));
    }

    [Property(MaxTest = 2000)]
    public bool The_elfproef_accepts_exactly_the_numbers_whose_weighted_sum_is_a_nonzero_multiple_of_eleven(NonNegativeInt seed)
    {
        var number = seed.Get % 1_000_000_000;
        return Bsn.PassesElevenTest(number) == ReferenceElevenTest(number.ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Formatting_the_digits_and_parsing_them_again_round_trips(Bsn bsn) =>
        Bsn.Parse(bsn.RevealDigits()) == bsn && Bsn.FromNumber(bsn.RevealNumber()) == bsn;

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Equality_hash_and_order_agree_with_the_digits(Bsn left, Bsn right) =>
        (left == right) == (left.RevealNumber() == right.RevealNumber())
        && (left != right) == !left.Equals(right)
        && (!left.Equals(right) || left.GetHashCode() == right.GetHashCode())
        && Math.Sign(left.CompareTo(right)) == Math.Sign(left.RevealNumber().CompareTo(right.RevealNumber()))
        && (left < right) == (left.CompareTo(right) < 0)
        && (left >= right) == !(left < right)
        && (left > right) == (right < left)
        && (left <= right) == !(left > right);

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool ToString_never_shows_more_than_the_last_four_digits(Bsn bsn) =>
        !bsn.ToString().Contains(bsn.RevealDigits()[..5], StringComparison.Ordinal) && bsn.ToString().StartsWith("*****", StringComparison.Ordinal);

    private static bool ReferenceElevenTest(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }

    private static int TestNumberBelowHundredMillion()
    {
        for (var n = 12_345_678; ; n++)
        {
            if (Bsn.PassesElevenTest(n))
            {
                return n;
            }
        }
    }
}
