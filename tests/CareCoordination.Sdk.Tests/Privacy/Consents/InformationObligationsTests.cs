using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Privacy.PrivacyScenario;

namespace CareCoordination.Sdk.Tests.Privacy.Consents;

public sealed class InformationObligationsTests
{
    [Fact]
    public void A_signal_on_a_youth_of_thirteen_obliges_the_reporter_to_inform_both_the_youth_and_the_parents_within_four_weeks()
    {
        var scenario = new PrivacyScenario();
        var signal = scenario.Index.Index.Register(IndexScenario.By(SocialWork, Sam)).Signal;

        var obligation = scenario.Obligations.Find(signal.Id)!;

        Assert.Equal((ConsentGiver.Parents | ConsentGiver.Youth, IndexScenario.Today.PlusDays(28), false), (obligation.MustInform, obligation.DueOn, obligation.IsFulfilled));
        Assert.False(scenario.Obligations.RecordInformed(signal.Id, ConsentGiver.Parents).IsFulfilled);
        Assert.True(scenario.Obligations.RecordInformed(signal.Id, ConsentGiver.Youth).IsFulfilled);
        Assert.Empty(scenario.Obligations.GetOpen());
    }

    [Theory]
    [InlineData(9, ConsentGiver.Parents)]
    [InlineData(17, ConsentGiver.Youth)]
    public void Who_must_be_informed_follows_the_age_bands(int age, ConsentGiver mustInform)
    {
        var scenario = new PrivacyScenario();

        var signal = scenario.Index.Index.Register(IndexScenario.By(SocialWork, IndexScenario.YouthAged(TestBsns.Second, age))).Signal;

        Assert.Equal(mustInform, scenario.Obligations.Find(signal.Id)!.MustInform);
    }

    [Fact]
    public void An_obligation_not_met_in_time_is_overdue_unless_the_reporter_recorded_why_not_yet()
    {
        var scenario = new PrivacyScenario();
        var signal = scenario.Index.Index.Register(IndexScenario.By(SocialWork, Sam)).Signal;
        var late = IndexScenario.Today.PlusDays(29);

        Assert.True(scenario.Obligations.Find(signal.Id)!.IsOverdueOn(late));
        var postponed = scenario.Obligations.RecordPostponed(signal.Id, "Informing the father now would endanger Sam");
        Assert.False(postponed.IsOverdueOn(late));
        Assert.Equal("Informing the father now would endanger Sam", postponed.PostponedBecause);
    }

    [Fact]
    public void The_obligation_leaves_with_the_signal()
    {
        var scenario = new PrivacyScenario();
        var signal = scenario.Index.Index.Register(IndexScenario.By(SocialWork, Sam)).Signal;

        scenario.Index.Index.Withdraw(Sam.Bsn, SocialWork, WithdrawalReason.Unjustified);

        Assert.Null(scenario.Obligations.Find(signal.Id));
    }
}
