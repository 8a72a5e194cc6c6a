using System;
using CareCoordination.Sdk.Identity;
using Xunit;

namespace CareCoordination.Sdk.Tests.Identity;

public sealed class InvalidBsnExceptionTests
{
    [Theory]
    [InlineData("nl-NL", "Het BSN *****6789 is ongeldig: het voldoet niet aan de elfproef. Controleer het nummer met het identiteitsbewijs van de cliënt.")]
    [InlineData("en-GB", "The BSN *****6789 is not valid: it fails the eleven test (elfproef). Check the number with the client's identity document.")]
    [InlineData("", "The BSN *****6789 is not valid: it fails the eleven test (elfproef). Check the number with the client's identity document.")]
    public void A_number_failing_the_elfproef_is_refused_in_the_hosts_language_and_masked(string culture, string expected)
    {
        var error = UiCulture.In(culture, () => Assert.Throws<InvalidBsnException>(() => Bsn.Parse("123456789")));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("12345678x")]
    [InlineData("1234567")]
    [InlineData("1234567890")]
    public void A_malformed_number_is_refused_in_Dutch_without_its_digits(string value)
    {
        var error = UiCulture.In("nl-NL", () => Assert.Throws<InvalidBsnException>(() => Bsn.Parse(value)));

        Assert.StartsWith("Een burgerservicenummer (BSN)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", error.Message, StringComparison.Ordinal);
    }
}
