using System;
using CareCoordination.Sdk.Families;
using Xunit;

namespace CareCoordination.Sdk.Tests.Families;

public sealed class AddressKeyTests
{
    [Theory]
    [InlineData("1234 ab", 12, null, "1234AB-12")]
    [InlineData(" 1234AB ", 12, "  ", "1234AB-12")]
    [InlineData("1234ab", 12, " a ", "1234AB-12-A")]
    [InlineData("1234 AB", 7, "b-2", "1234AB-7-B2")]
    public void The_same_address_written_differently_gives_the_same_key(string postcode, int number, string? addition, string expected) =>
        Assert.Equal(expected, AddressKey.Create(postcode, number, addition).Value);

    [Theory]
    [InlineData("1234AB-12", "1234AB-12")]
    [InlineData("1234 ab 12 a", "1234AB-12-A")]
    [InlineData("1234AB 12-bis", "1234AB-12-BIS")]
    [InlineData("1234AB12", "1234AB-12")]
    public void A_key_reads_back_from_its_text_in_any_spelling(string text, string expected) =>
        Assert.Equal(expected, AddressKey.Parse(text).Value);

    [Theory]
    [InlineData("0123AB-1")]
    [InlineData("1234A-1")]
    [InlineData("1234AB")]
    [InlineData("1234AB-0")]
    [InlineData("1234AB-123456")]
    [InlineData("1234AB-1-TOOLONG")]
    [InlineData("1234AB-1-A/B")]
    [InlineData("")]
    public void Text_that_is_no_address_is_refused(string text)
    {
        Assert.False(AddressKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => AddressKey.Parse(text));
    }

    [Fact]
    public void A_house_number_outside_the_register_s_range_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AddressKey.Create("1234AB", 0));

    [Fact]
    public void The_text_of_a_key_shows_only_the_postcode_s_digits()
    {
        var key = AddressKey.Create("1234AB", 12, "A");

        Assert.Equal("address 1234**", key.ToString());
        Assert.DoesNotContain("AB", key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_refuses_the_default_address()
    {
        var youth = Testing.TestBsns.First;

        Assert.Throws<ArgumentException>(() => Family.Create(new FamilyId(1), [youth], [], default(AddressKey)));
    }
}
