using System.Linq;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Privacy.PrivacyScenario;

namespace CareCoordination.Sdk.Tests.Privacy.Consents;

public sealed class ConsentRegisterTests
{
    [Theory]
    [InlineData(10, ConsentGiver.Parents)]
    [InlineData(11, ConsentGiver.Parents)]
    [InlineData(12, ConsentGiver.Parents | ConsentGiver.Youth)]
    [InlineData(15, ConsentGiver.Parents | ConsentGiver.Youth)]
    [InlineData(16, ConsentGiver.Youth)]
    [InlineData(20, ConsentGiver.Youth)]
    public void Who_decides_follows_the_youths_age(int age, ConsentGiver deciders)
    {
        var youth = IndexScenario.YouthAged(TestBsns.First, age);

        Assert.Equal(deciders, ConsentPolicy.Default.WhoDecides(youth, IndexScenario.Today));
        Assert.Equal(deciders, Register().Give(youth, ConsentPurpose.Coordination, [SocialWork], deciders).GivenBy);
    }

    [Fact]
    public void Under_twelve_the_youths_own_consent_is_not_enough()
    {
        var error = Assert.Throws<ConsentRefusedException>(() => Register().Give(IndexScenario.YouthAged(TestBsns.First, 10), ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Youth));

        Assert.Equal("For a youth of 10, consent is given by the parents; it was given by the youth alone.", error.Message);
    }

    [Fact]
    public void From_twelve_to_fifteen_both_the_youth_and_the_parents_consent()
    {
        var error = Assert.Throws<ConsentRefusedException>(() => Register().Give(IndexScenario.YouthAged(TestBsns.First, 14), ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents));

        Assert.Equal((ConsentGiver.Parents | ConsentGiver.Youth, ConsentGiver.Parents), (error.Required, error.Given));
    }

    [Fact]
    public void From_sixteen_the_parents_cannot_consent_for_the_youth()
    {
        Assert.Throws<ConsentRefusedException>(() => Register().Give(IndexScenario.YouthAged(TestBsns.First, 17), ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth));
    }

    [Fact]
    public void A_consent_covers_only_its_purpose_its_recipients_and_its_period()
    {
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var register = new ConsentRegister(ConsentPolicy.Default, Amsterdam, clock);
        var consent = register.Give(Sam, ConsentPurpose.SharePlan, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth, IndexScenario.Start + Duration.FromDays(30));

        Assert.NotNull(register.FindConsent(Sam.Bsn, ConsentPurpose.SharePlan, SocialWork));
        Assert.Null(register.FindConsent(Sam.Bsn, ConsentPurpose.Coordination, SocialWork));
        Assert.Null(register.FindConsent(Sam.Bsn, ConsentPurpose.SharePlan, School));
        clock.Advance(Duration.FromDays(30));
        Assert.Null(register.FindConsent(Sam.Bsn, ConsentPurpose.SharePlan, SocialWork));
        Assert.Equal("consent-1: SharePlan for 1 organisation(s), given by Parents, Youth", consent.ToString());
    }

    [Fact]
    public void Of_two_professionals_withdrawing_one_consent_at_the_version_they_saw_the_second_is_refused_as_stale_and_nothing_changes()
    {
        var register = Register();
        var given = register.Give(Sam, ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth);
        Assert.Equal(1, given.Version);

        var first = register.Withdraw(given.Id, expectedVersion: given.Version);
        var stale = Assert.Throws<StaleVersionException>(() => register.Withdraw(given.Id, expectedVersion: given.Version));

        Assert.Equal(2, first.Version);
        Assert.Equal(("consent-1", 1, 2), (stale.What, stale.ExpectedVersion, stale.ActualVersion));
        Assert.Equal("consent-1 is at version 2; the change was made on version 1. Reload the consent and try again.", stale.Message);
        Assert.Equal(first.WithdrawnAt, register.About(Sam.Bsn).Consents.Single().WithdrawnAt);
    }

    private static ConsentRegister Register() => new(ConsentPolicy.Default, Amsterdam, new NodaTime.Testing.FakeClock(IndexScenario.Start));
}
