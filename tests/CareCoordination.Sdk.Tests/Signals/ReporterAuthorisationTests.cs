using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Signals;

/// <summary>The refusals a reporter reads, in the language of the host.</summary>
public sealed class ReporterAuthorisationTests
{
    private static readonly RegionPolicy Narrow = RegionPolicy.Create(new RegionPolicyOptions { Scope = ReportingScope.Narrow });

    public static TheoryData<string> Cultures() => ["", "en-GB", "nl-NL", "nl-BE"];

    [Fact]
    public void A_refusal_reads_in_Dutch_under_nl_NL()
    {
        var refused = UiCulture.In("nl-NL", () => new IndexScenario(Narrow).Index.Register(By(TestRegion.Daycare, YouthAged(TestBsns.First, 2))));

        Assert.Equal(RegistrationRefusal.OrganisationNotAuthorised, refused.Refusal);
        Assert.Equal(
            "Kinderopvang Het Zonnetje (kinderopvang) mag in deze regio geen signaal afgeven in de verwijsindex; zij signaleert via een organisatie van het soort jeugdgezondheidszorg (JGZ).",
            refused.Message);
        Assert.Equal(refused.Message, Assert.Throws<SignalRefusedException>(refused.ThrowIfRefused).Message);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("")]
    public void A_refusal_reads_in_English_under_en_GB_and_the_invariant_culture(string culture)
    {
        var refused = UiCulture.In(culture, () => new IndexScenario(Narrow).Index.Register(By(TestRegion.Daycare, YouthAged(TestBsns.First, 2))));

        Assert.Equal(
            "Kinderopvang Het Zonnetje (Daycare) may not signal in this region; it signals through an organisation of kind YouthHealthCare.",
            refused.Message);
    }

    [Fact]
    public void Each_refusal_says_something_else_in_Dutch_than_in_English()
    {
        var english = UiCulture.In("en-GB", () => EveryRefusal(TestBsns.First));
        var dutch = UiCulture.In("nl-NL", () => EveryRefusal(TestBsns.First));

        Assert.Equal(english.Count, dutch.Count);
        Assert.All(english.Zip(dutch), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.Contains(dutch, text => text.Contains("heeft Colleague of", StringComparison.Ordinal) && text.Contains("niet aangewezen", StringComparison.Ordinal));
        Assert.Contains(dutch, text => text.Contains("23 jaar of ouder", StringComparison.Ordinal));
        Assert.Contains(dutch, text => text.Contains("geen actief signaal over jeugdige *****2333", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void No_refusal_in_any_language_shows_a_full_BSN(string culture)
    {
        var youths = new[] { TestBsns.First, TestBsns.Second }.Concat(TestBsns.Generate(20, seed: 16)).ToArray();

        foreach (var youth in youths)
        {
            var texts = UiCulture.In(culture, () => EveryRefusal(youth));

            Assert.Equal(20, texts.Count);
            Assert.All(texts, text => Assert.DoesNotContain(youth.RevealDigits(), text, StringComparison.Ordinal));
            Assert.Contains(texts, text => text.Contains(youth.ToString(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_change_to_the_directory_between_two_registrations_decides_the_second()
    {
        var scenario = new IndexScenario();
        var directory = scenario.Directory;
        var team = directory.GetOrganisation(TestRegion.SocialWork);
        var reporter = directory.GetProfessional(TestRegion.ReporterOf(TestRegion.SocialWork));
        Assert.False(scenario.Register(TestRegion.SocialWork, YouthAged(TestBsns.First, 8)).IsRefused);

        directory.AddOrReplace(new Organisation(team.Id, team.Name, team.Kind, team.Contact, hasMunicipalAgreement: false));
        Assert.Equal(RegistrationRefusal.NoMunicipalAgreement, scenario.Register(TestRegion.SocialWork, YouthAged(TestBsns.Second, 8)).Refusal);

        directory.AddOrReplace(team);
        directory.AddOrReplace(new Professional(reporter.Id, reporter.Organisation, reporter.Name, reporter.Contact, isDesignatedReporter: false));
        Assert.Equal(RegistrationRefusal.ReporterNotDesignated, scenario.Register(TestRegion.SocialWork, YouthAged(TestBsns.Second, 8)).Refusal);

        directory.AddOrReplace(reporter);
        Assert.False(scenario.Register(TestRegion.SocialWork, YouthAged(TestBsns.Second, 8)).IsRefused);
    }

    /// <summary>Registers a youth every way the index refuses, and returns every message a reporter reads (and the results' ToString).</summary>
    private static List<string> EveryRefusal(Bsn bsn)
    {
        var texts = new List<string>();
        var scenario = new IndexScenario(Narrow);
        var index = scenario.Index;
        var youth = YouthAged(bsn, 8);
        void Refused(SignalRegistration registration)
        {
            var result = index.Register(registration);
            Assert.True(result.IsRefused);
            texts.Add(result.Message);
            texts.Add(result.ToString());
        }

        Refused(new SignalRegistration(youth, new OrganisationId(99), new ProfessionalId(9901), ReportingCriterion.Crime));
        Refused(By(TestRegion.Daycare, youth));
        Refused(By(TestRegion.MentalHealthCareWithoutAgreement, youth));
        Refused(new SignalRegistration(youth, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.Crime));
        Refused(new SignalRegistration(youth, TestRegion.SocialWork, TestRegion.UndesignatedOf(TestRegion.SocialWork), ReportingCriterion.Crime));
        Refused(By(TestRegion.SocialWork, new Youth(bsn, Today.PlusDays(3))));
        Refused(By(TestRegion.SocialWork, YouthAged(bsn, 25)));
        Refused(default);
        index.Register(By(TestRegion.SocialWork, youth).WithIdempotencyKey("key-" + bsn.ToString()));
        Refused(By(TestRegion.YouthHealthCare, youth).WithIdempotencyKey("key-" + bsn.ToString()));
        texts.Add(new SignalRefusedException().Message);
        texts.Add(Assert.Throws<NotFoundException>(() => index.Withdraw(bsn, TestRegion.YouthHealthCare, WithdrawalReason.RiskGone)).Message);
        return texts;
    }
}
