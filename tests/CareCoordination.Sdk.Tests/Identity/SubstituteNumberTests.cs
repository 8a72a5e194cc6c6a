using System;
using System.Linq;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Identity;

public sealed class SubstituteNumberTests
{
    private static readonly LocalDate Born = new(2019, 3, 14);

    [Fact]
    public void The_same_details_always_derive_the_same_number()
    {
        var first = SubstituteNumber.Derive("de Vries", Born, Sex.Female);

        Assert.Equal(first, SubstituteNumber.Derive("de Vries", Born, Sex.Female));
        Assert.False(first.IsDefault);
    }

    [Fact]
    public void Spelling_differences_in_case_spaces_and_diacritics_derive_the_same_number()
    {
        var plain = SubstituteNumber.Derive("van der Berg", Born, Sex.Male);

        Assert.Equal(plain, SubstituteNumber.Derive("Van der  Berg", Born, Sex.Male));
        Assert.Equal(plain, SubstituteNumber.Derive("VANDERBERG", Born, Sex.Male));
        Assert.Equal(SubstituteNumber.Derive("Celik", Born, Sex.Male), SubstituteNumber.Derive("Çelik", Born, Sex.Male));
    }

    [Fact]
    public void Another_date_of_birth_or_sex_derives_another_number()
    {
        var number = SubstituteNumber.Derive("Jansen", Born, Sex.Female);

        Assert.NotEqual(number, SubstituteNumber.Derive("Jansen", Born.PlusDays(1), Sex.Female));
        Assert.NotEqual(number, SubstituteNumber.Derive("Jansen", Born, Sex.Male));
    }

    [Fact]
    public void A_family_name_without_letters_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SubstituteNumber.Derive(" - ", Born, Sex.Unknown));
        Assert.Throws<ArgumentException>(() => SubstituteNumber.Derive("Jansen", Born, (Sex)9));
    }

    [Fact]
    public void A_substitute_number_is_masked_and_never_parses_as_a_BSN()
    {
        var number = SubstituteNumber.Derive("Bakker", Born, Sex.Male);
        var digits = number.RevealNumber().ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

        Assert.StartsWith("VISN *****", number.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(digits, number.ToString(), StringComparison.Ordinal);
        Assert.Throws<InvalidBsnException>(() => Bsn.Parse(digits));
        Assert.True(number.AsIndexKey().IsSubstituteNumber);
        Assert.Equal(number, SubstituteNumber.FromNumber(number.RevealNumber()));
        Assert.Throws<ArgumentException>(() => SubstituteNumber.FromNumber(TestingBsn.RevealNumber()));
    }

    [Fact]
    public void A_youth_without_a_BSN_carries_its_substitute_number()
    {
        var number = SubstituteNumber.Derive("Bakker", Born, Sex.Male);

        var youth = Youth.WithoutBsn(number, Born);

        Assert.True(youth.Bsn.IsSubstituteNumber);
        Assert.False(new Youth(TestingBsn, Born).Bsn.IsSubstituteNumber);
        Assert.Equal(number.RevealNumber(), youth.Bsn.RevealNumber());
        Assert.Throws<ArgumentException>(() => Youth.WithoutBsn(default, Born));
    }

    [Fact]
    public void The_register_gives_colliding_details_the_next_free_candidate_and_keeps_every_number_it_issued()
    {
        var register = new SubstituteNumberRegister();
        var numbers = Enumerable.Range(0, 2_000).Select(i => register.Issue("Name" + Letters(i), Born, Sex.Female)).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var rebuilt = new SubstituteNumberRegister(register.Issued);
        Assert.Equal(numbers, Enumerable.Range(0, 2_000).Select(i => rebuilt.Issue("Name" + Letters(i), Born, Sex.Female)));
        Assert.Equal(register.Issued, rebuilt.Issued);
    }

    [Fact]
    public void A_pseudonymised_store_keeps_the_register_without_the_number_or_a_fingerprint_anyone_could_compute_from_the_details()
    {
        var store = new InMemoryCareCoordinationStore();
        var keying = Sdk.Storage.YouthKeying.Pseudonymised(Signals.IndexScenario.SharedPseudonymiser);
        var clock = new NodaTime.Testing.FakeClock(Signals.IndexScenario.Start);
        var register = new SubstituteNumberRegister(store, keying, clock);
        var smit = register.Issue("Smit", Born, Sex.Male);

        var stored = Assert.Single(store.ReadStreams("substitute-number"));
        var json = Assert.Single(stored.Events).Json;
        Assert.DoesNotContain(smit.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture), json + stored.Id, StringComparison.Ordinal);
        Assert.DoesNotContain(SubstituteNumber.Candidates("Smit", Born, Sex.Male).Fingerprint, json, StringComparison.OrdinalIgnoreCase);
        var reopened = new SubstituteNumberRegister(store, keying, clock);
        Assert.Equal(smit, reopened.Issue("smit", Born, Sex.Male));
        Assert.Throws<Sdk.Storage.StoreKeyingMismatchException>(() => new SubstituteNumberRegister(store, Sdk.Storage.YouthKeying.ByBsn, clock));
    }

    [Fact]
    public void A_number_whose_commit_fails_is_not_issued_and_goes_to_the_next_caller_with_the_same_details()
    {
        var store = new InMemoryCareCoordinationStore();
        var clock = new NodaTime.Testing.FakeClock(Signals.IndexScenario.Start);
        var register = new SubstituteNumberRegister(store, Sdk.Storage.YouthKeying.ByBsn, clock);

        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Throws<InvalidOperationException>(() => register.Issue("Smit", Born, Sex.Male));

        Assert.Empty(register.Issued);
        Assert.Equal(SubstituteNumber.Derive("Smit", Born, Sex.Male), register.Issue("Smit", Born, Sex.Male));
    }

    [Fact]
    public void A_register_rebuilt_with_a_taken_number_moves_the_newcomer_to_its_next_candidate()
    {
        var first = SubstituteNumber.Derive("Smit", Born, Sex.Male);
        var register = new SubstituteNumberRegister([new IssuedSubstituteNumber("someone-else", first)]);

        var issued = register.Issue("Smit", Born, Sex.Male);

        Assert.NotEqual(first, issued);
        Assert.True(SubstituteNumber.IsSubstituteNumber(issued.RevealNumber()));
        Assert.Equal(issued, register.Issue("smit", Born, Sex.Male));
        Assert.Throws<ArgumentException>(() => new SubstituteNumberRegister([new("a", first), new("b", first)]));
    }

    [Property(MaxTest = 500)]
    public void No_substitute_number_ever_passes_the_eleven_test(NonEmptyString name, int days, bool female)
    {
        var letters = new string([.. name.Get.Where(char.IsAsciiLetter)]);
        var number = SubstituteNumber.Derive(letters.Length == 0 ? "X" : letters, new LocalDate(2000, 1, 1).PlusDays(Math.Abs(days % 10_000)), female ? Sex.Female : Sex.Male);

        PropertyCheck.That(!Bsn.PassesElevenTest(number.RevealNumber()), "a substitute number passed the elfproef");
        PropertyCheck.That(!Bsn.TryParse(number.RevealNumber().ToString("D9", System.Globalization.CultureInfo.InvariantCulture), out _), "a substitute number parsed as a BSN");
        PropertyCheck.That(number.RevealNumber() is > 0 and <= 999_999_999, "a substitute number has more than nine digits");
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 500)]
    public void No_BSN_ever_has_the_form_of_a_substitute_number(Bsn bsn) =>
        PropertyCheck.That(!SubstituteNumber.IsSubstituteNumber(bsn.RevealNumber()) && !bsn.IsSubstituteNumber, "a BSN looks like a substitute number");

    private static readonly Bsn TestingBsn = Sdk.Testing.TestBsns.First;

    private static string Letters(int i) => new([.. i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('A' + d - '0'))]);
}
