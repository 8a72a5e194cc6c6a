using System;
using System.Linq;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Storage;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Signals;

public sealed class BatchRegistrationTests
{
    private static readonly Sdk.Organisations.OrganisationId[] Organisations = [TestRegion.School, TestRegion.SocialWork, TestRegion.YouthHealthCare, TestRegion.YouthProtection, TestRegion.Daycare];

    [Fact]
    public void A_batch_answers_each_registration_on_its_own_and_later_signals_match_earlier_ones()
    {
        var observer = new RecordingObserver();
        var scenario = new IndexScenario(observers: [observer]);
        var sam = IndexScenario.YouthAged(TestBsns.First, 8);

        var results = scenario.Index.RegisterBatch(
        [
            IndexScenario.By(TestRegion.School, sam),
            IndexScenario.By(TestRegion.MentalHealthCareWithoutAgreement, sam),
            IndexScenario.By(TestRegion.SocialWork, sam),
        ]);

        Assert.Equal([RegistrationOutcome.Registered, RegistrationOutcome.Refused, RegistrationOutcome.Registered], results.Select(r => r.Outcome));
        Assert.Equal(RegistrationRefusal.NoMunicipalAgreement, results[1].Refusal);
        var match = Assert.Single(results[2].Matches.ToArray());
        Assert.Equal((MatchKind.SameYouth, results[0].Signal.Id), (match.Kind, match.OtherSignal));
        Assert.Equal([typeof(SignalRegistered), typeof(SignalRegistered), typeof(MatchFound)], observer.Events.Select(e => e.GetType()));
    }

    [Fact]
    public void A_batch_the_store_refuses_leaves_the_index_its_keys_and_its_observers_exactly_as_they_were()
    {
        var observer = new RecordingObserver();
        var store = new InMemorySignalStore();
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, [observer], null);
        var sam = IndexScenario.YouthAged(TestBsns.First, 8);
        var sara = IndexScenario.YouthAged(TestBsns.Second, 3);
        index.Register(IndexScenario.By(TestRegion.School, sam)).ThrowIfRefused();
        index.Register(IndexScenario.By(TestRegion.YouthHealthCare, sara)).ThrowIfRefused();
        index.Withdraw(sara.Bsn, TestRegion.YouthHealthCare, WithdrawalReason.RiskGone);
        clock.Advance(NodaTime.Duration.FromHours(1));
        var before = SignalStoreContract.Describe(index);
        var heard = observer.Events.Count;
        var stored = store.Events.Count;
        var keyed = IndexScenario.By(TestRegion.SocialWork, sara).WithIdempotencyKey("import-7");

        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Throws<InvalidOperationException>(() => index.RegisterBatch([IndexScenario.By(TestRegion.School, sam), keyed, IndexScenario.By(TestRegion.SocialWork, sam)]));

        Assert.Equal(before, SignalStoreContract.Describe(index));
        Assert.Equal(heard, observer.Events.Count);
        Assert.Equal(stored, store.Events.Count);
        var retry = index.Register(keyed);
        Assert.Equal(RegistrationOutcome.Registered, retry.Outcome);
        Assert.Equal(3, retry.Signal.Id.Value);
        Assert.Equal(MatchKind.Archived, Assert.Single(retry.Matches.ToArray()).Kind);
    }

    [Property(MaxTest = 200)]
    public void Registering_as_a_batch_ends_in_the_same_index_with_the_same_answers_as_registering_one_by_one(NonEmptyArray<(byte Youth, byte Organisation, bool Keyed)> registrations)
    {
        var youths = IndexModel.Youths;
        var requests = registrations.Get
            .Select((r, i) =>
            {
                var registration = IndexScenario.By(Organisations[r.Organisation % Organisations.Length], IndexScenario.YouthAged(youths[r.Youth % youths.Length], 1 + (r.Youth % 17)));
                return r.Keyed ? registration.WithIdempotencyKey("key-" + (i % 3)) : registration;
            })
            .ToArray();
        var oneByOne = new IndexScenario();
        var batched = new IndexScenario();

        var expected = requests.Select(r => oneByOne.Index.Register(r)).ToArray();
        var actual = batched.Index.RegisterBatch(requests);

        PropertyCheck.That(SignalStoreContract.Describe(oneByOne.Index) == SignalStoreContract.Describe(batched.Index), "the batch ended in another index");
        PropertyCheck.That(
            expected.Select(Answer).SequenceEqual(actual.Select(Answer)),
            "the batch answered differently: " + string.Join("; ", actual.Select(Answer)) + " instead of " + string.Join("; ", expected.Select(Answer)));
    }

    private static string Answer(RegistrationResult result) =>
        result.IsRefused
            ? result.Refusal.ToString()
            : FormattableString.Invariant($"{result.Outcome} {result.Signal.Id} [{string.Join(",", result.Matches.ToArray().Select(m => $"{m.Kind}/{m.OtherSignal}/{m.MatchCoordinator}"))}]");
}
