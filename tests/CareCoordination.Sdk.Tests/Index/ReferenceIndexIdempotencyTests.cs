using System;
using System.Linq;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Index;

public sealed class ReferenceIndexIdempotencyTests
{
    [Fact]
    public void A_client_retrying_with_the_same_key_gets_the_first_result_and_changes_nothing()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(TestBsns.First, 8);
        scenario.Register(TestRegion.School, youth);
        var registration = By(TestRegion.SocialWork, youth).WithIdempotencyKey("vendor-42/attempt");
        var first = scenario.Index.Register(registration);
        var before = scenario.Snapshot(TestBsns.First);
        scenario.Clock.Advance(Duration.FromMinutes(5));

        var retry = scenario.Index.Register(registration);

        Assert.Equal(RegistrationOutcome.Registered, retry.Outcome);
        Assert.Equal(first.Signal, retry.Signal);
        Assert.Equal(first.Matches, retry.Matches);
        Assert.Equal(before, scenario.Snapshot(TestBsns.First));
        Assert.Single(scenario.EventsOf<MatchFound>());
        Assert.Empty(scenario.EventsOf<SignalRenewed>());
    }

    [Fact]
    public void A_remembered_answer_stays_the_answer_after_another_partys_signal_it_names_is_removed_without_that_party()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(TestBsns.First, 8);
        scenario.Register(TestRegion.School, youth);
        var registration = By(TestRegion.SocialWork, youth).WithIdempotencyKey("vendor-42/attempt");
        var first = scenario.Index.Register(registration);

        scenario.Index.Withdraw(TestBsns.First, TestRegion.School, WithdrawalReason.Unjustified);
        var retry = scenario.Index.Register(registration);

        Assert.Equal((1, RegistrationOutcome.Registered, first.Signal.Id), (first.MatchCount, retry.Outcome, retry.Signal.Id));
        Assert.Equal(0, retry.MatchCount);
        Assert.Single(scenario.Index.GetActiveSignals(TestBsns.First));
    }

    [Fact]
    public void The_same_key_from_two_threads_while_other_organisations_withdraw_registers_once()
    {
        for (var round = 0; round < 50; round++)
        {
            var scenario = new IndexScenario();
            var youth = YouthAged(TestBsns.First, 8);
            scenario.Register(TestRegion.School, youth);
            scenario.Register(TestRegion.YouthHealthCare, youth);
            var registration = By(TestRegion.SocialWork, youth).WithIdempotencyKey("key-" + round);
            var answers = new System.Collections.Concurrent.ConcurrentBag<(RegistrationOutcome Outcome, SignalId Signal)>();
            System.Threading.Tasks.Parallel.Invoke(
                () => answers.Add(Answer(scenario.Index.Register(registration))),
                () => answers.Add(Answer(scenario.Index.Register(registration))),
                () => scenario.Index.Withdraw(TestBsns.First, TestRegion.School, WithdrawalReason.Unjustified),
                () => scenario.Index.Withdraw(TestBsns.First, TestRegion.YouthHealthCare, WithdrawalReason.RiskGone),
                () => answers.Add(Answer(scenario.Index.Register(registration))));

            // A forgotten answer would renew the same signal: the same identifier, but another outcome and an event.
            Assert.All(answers, a => Assert.Equal(RegistrationOutcome.Registered, a.Outcome));
            Assert.Single(answers.Select(a => a.Signal).Distinct());
            Assert.Empty(scenario.EventsOf<SignalRenewed>());
            Assert.Single(scenario.EventsOf<SignalRegistered>(), e => e.Signal.Organisation == TestRegion.SocialWork);
            Assert.Single(scenario.Index.GetActiveSignals(TestBsns.First));
        }
    }

    private static (RegistrationOutcome, SignalId) Answer(RegistrationResult result) => (result.Outcome, result.Signal.Id);

    // Built in code: an attribute's strings are stored as UTF-8, which cannot carry an unpaired surrogate.
    private static readonly string[] BadKeys = ["\ud800", "a\udc00b", "\ude00\ud83d", "tab\there", "del\u007f", "c1\u0085"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void A_key_that_is_not_printable_or_not_well_formed_is_refused_before_it_reaches_a_store(int bad)
    {
        var key = BadKeys[bad];
        var registration = By(TestRegion.SocialWork, YouthAged(TestBsns.First, 8));

        Assert.Throws<ArgumentException>(() => registration.WithIdempotencyKey(key));
        Assert.Equal("k\ud83d\ude00", registration.WithIdempotencyKey("k\ud83d\ude00").IdempotencyKey);
    }

    [Fact]
    public void A_retry_into_a_buffer_gets_the_first_matches_too()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(TestBsns.First, 8);
        scenario.Register(TestRegion.School, youth);
        var registration = By(TestRegion.SocialWork, youth).WithIdempotencyKey("k1");
        var first = scenario.Index.Register(registration);
        Span<Match> buffer = new Match[2];

        var retry = scenario.Index.Register(registration, buffer);

        Assert.Equal(1, retry.MatchCount);
        Assert.Equal(first.Matches[0], buffer[0]);
    }

    [Fact]
    public void A_key_reused_for_another_youth_is_refused_and_changes_nothing()
    {
        var scenario = new IndexScenario();
        scenario.Index.Register(By(TestRegion.School, YouthAged(TestBsns.First, 8)).WithIdempotencyKey("same-key"));
        var before = scenario.Snapshot(TestBsns.First, TestBsns.Second);

        var reused = scenario.Index.Register(By(TestRegion.School, YouthAged(TestBsns.Second, 8)).WithIdempotencyKey("same-key"));

        Assert.Equal(RegistrationRefusal.IdempotencyKeyConflict, reused.Refusal);
        Assert.Equal(before, scenario.Snapshot(TestBsns.First, TestBsns.Second));
    }

    [Fact]
    public void A_retry_after_the_youth_died_is_refused_as_removed_and_registers_nothing_again()
    {
        var scenario = new IndexScenario();
        var keyed = By(TestRegion.School, YouthAged(TestBsns.First, 8)).WithIdempotencyKey("key-of-a-removed-signal");
        scenario.Index.Register(keyed).ThrowIfRefused();
        scenario.Index.RecordDeath(TestBsns.First);
        var before = scenario.Snapshot(TestBsns.First);

        var retry = scenario.Index.Register(keyed);

        Assert.Equal(RegistrationRefusal.IdempotencyKeySignalRemoved, retry.Refusal);
        Assert.Equal(before, scenario.Snapshot(TestBsns.First));
        Assert.Equal(0, scenario.Index.ActiveSignalCount);
    }

    [Fact]
    public void A_key_the_same_organisation_reuses_for_another_youth_after_its_signal_was_erased_is_refused_as_removed_and_registers_nothing()
    {
        var scenario = new IndexScenario();
        scenario.Index.Register(By(TestRegion.School, YouthAged(TestBsns.First, 8)).WithIdempotencyKey("erased-key")).ThrowIfRefused();
        scenario.Index.Withdraw(TestBsns.First, TestRegion.School, WithdrawalReason.Unjustified);
        var before = scenario.Snapshot(TestBsns.First, TestBsns.Second);

        var reused = scenario.Index.Register(By(TestRegion.School, YouthAged(TestBsns.Second, 8)).WithIdempotencyKey("erased-key"));

        // The tombstone no longer knows its youth, so it cannot tell a retry from another request: it says what it knows.
        Assert.Equal(RegistrationRefusal.IdempotencyKeySignalRemoved, reused.Refusal);
        Assert.Equal(before, scenario.Snapshot(TestBsns.First, TestBsns.Second));
        Assert.Equal(0, scenario.Index.ActiveSignalCount);
    }

    [Fact]
    public void After_the_window_the_key_is_forgotten_and_a_retry_renews()
    {
        var scenario = new IndexScenario();
        var registration = By(TestRegion.School, YouthAged(TestBsns.First, 8)).WithIdempotencyKey("old-key");
        scenario.Index.Register(registration);
        scenario.Clock.Advance(Duration.FromHours(25));
        scenario.Index.ExpireDue();

        var later = scenario.Index.Register(registration);

        Assert.Equal(RegistrationOutcome.Renewed, later.Outcome);
        Assert.Equal(1, scenario.Index.ActiveSignalCount);
    }

    [Fact]
    public void A_refused_keyed_registration_is_not_remembered()
    {
        var scenario = new IndexScenario();
        var refused = scenario.Index.Register(By(TestRegion.HousingCorporation, YouthAged(TestBsns.First, 8)).WithIdempotencyKey("k"));

        var next = scenario.Index.Register(By(TestRegion.HousingCorporation, YouthAged(TestBsns.First, 8)).WithIdempotencyKey("k"));

        Assert.True(refused.IsRefused);
        Assert.Equal(RegistrationRefusal.OrganisationNotAuthorised, next.Refusal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    public void A_key_must_be_short_printable_text(string key)
    {
        Assert.ThrowsAny<ArgumentException>(() => By(TestRegion.School, YouthAged(TestBsns.First, 8)).WithIdempotencyKey(key));
        Assert.Throws<ArgumentException>(() => By(TestRegion.School, YouthAged(TestBsns.First, 8)).WithIdempotencyKey(new string('k', 129)));
    }
}
