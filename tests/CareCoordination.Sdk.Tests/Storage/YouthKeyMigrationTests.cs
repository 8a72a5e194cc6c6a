using System;
using System.IO;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Migration;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Index;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

public sealed class YouthKeyMigrationTests
{
    private static readonly YouthPseudonymiser StoryKey = new(TestKeys.Bytes("youth"));
    private static readonly YouthPseudonymiser NewKey = new(TestKeys.Bytes("youth-rotated"));

    [Fact]
    public void A_store_keyed_by_BSN_moves_to_a_pseudonymised_store_with_every_area_intact()
    {
        var source = new InMemoryCareCoordinationStore();
        var people = WholeStory.Run(source, seed: 61, pseudonymised: false);
        var target = new InMemoryCareCoordinationStore();

        var report = YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, YouthKeying.Pseudonymised(StoryKey));

        Assert.Equal(5, report.Signals);
        Assert.True(report.AuditRecords > 0 && report.StreamEvents > 0 && report.RememberedAnswers == 3);
        MigratedStore.AssertSameContents(source, YouthKeying.ByBsn, target, YouthKeying.Pseudonymised(StoryKey), people);
        WholeStory.AssertRebuilds(target, people, pseudonymised: true, checkpoints: HostedSdk.CheckpointsOf(source));
        Assert.Equal("bsn", source.ReadYouthKeying());
    }

    [Fact]
    public void Substitute_numbers_move_to_a_pseudonymised_store_keyed_and_the_same_details_keep_their_number()
    {
        var source = new InMemoryCareCoordinationStore();
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var born = new NodaTime.LocalDate(2015, 3, 1);
        var smit = new CareCoordination.Sdk.Facility.SubstituteNumberRegister(source, YouthKeying.ByBsn, clock).Issue("Smit", born, CareCoordination.Sdk.Identity.Sex.Male);
        var target = new InMemoryCareCoordinationStore();

        YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, YouthKeying.Pseudonymised(StoryKey));

        var stored = Assert.Single(target.ReadStreams("substitute-number"));
        var sourceJson = Assert.Single(Assert.Single(source.ReadStreams("substitute-number")).Events).Json;
        Assert.DoesNotContain(smit.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Id + stored.Events[0].Json, StringComparison.Ordinal);
        Assert.DoesNotContain(sourceJson[16..80], stored.Events[0].Json, StringComparison.Ordinal);
        Assert.Equal(smit, new CareCoordination.Sdk.Facility.SubstituteNumberRegister(target, YouthKeying.Pseudonymised(StoryKey), clock).Issue("smit", born, CareCoordination.Sdk.Identity.Sex.Male));
    }

    [Fact]
    public void After_a_key_rotation_the_same_details_keep_their_substitute_number_and_no_store_holds_the_details_fingerprint()
    {
        var source = new InMemoryCareCoordinationStore();
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var born = new NodaTime.LocalDate(2015, 3, 1);
        var register = new CareCoordination.Sdk.Facility.SubstituteNumberRegister(source, YouthKeying.Pseudonymised(StoryKey), clock);
        var smit = register.Issue("Smit", born, CareCoordination.Sdk.Identity.Sex.Male);
        var jansen = register.Issue("Jansen", born, CareCoordination.Sdk.Identity.Sex.Female);
        var target = new InMemoryCareCoordinationStore();

        YouthKeyMigration.Migrate(source, YouthKeying.Pseudonymised(StoryKey), target, YouthKeying.Pseudonymised(NewKey));

        var rotated = new CareCoordination.Sdk.Facility.SubstituteNumberRegister(target, YouthKeying.Pseudonymised(NewKey), clock);
        Assert.Equal(smit, rotated.Issue("smit", born, CareCoordination.Sdk.Identity.Sex.Male));
        Assert.Equal(jansen, rotated.Issue("JANSEN", born, CareCoordination.Sdk.Identity.Sex.Female));
        Assert.Equal(2, rotated.Issued.Count);
        var clearFingerprint = CareCoordination.Sdk.Identity.SubstituteNumber.Candidates("Smit", born, CareCoordination.Sdk.Identity.Sex.Male).Fingerprint;
        foreach (var store in new[] { source, target })
        {
            var json = string.Concat(store.ReadStreams("substitute-number").SelectMany(h => h.Events).Select(e => e.Json));
            Assert.DoesNotContain(clearFingerprint, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(smit.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture), json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rotating_the_pseudonymisation_key_keeps_every_area_and_the_old_key_no_longer_opens_the_new_store()
    {
        var source = new InMemoryCareCoordinationStore();
        var people = WholeStory.Run(source, seed: 62, pseudonymised: true);
        var target = new InMemoryCareCoordinationStore();

        YouthKeyMigration.Migrate(source, YouthKeying.Pseudonymised(StoryKey), target, YouthKeying.Pseudonymised(NewKey));

        MigratedStore.AssertSameContents(source, YouthKeying.Pseudonymised(StoryKey), target, YouthKeying.Pseudonymised(NewKey), people);
        WholeStory.AssertRebuilds(target, people, pseudonymised: true, NewKey, HostedSdk.CheckpointsOf(source));
        Assert.Throws<StoreKeyingMismatchException>(() => new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(IndexScenario.Start), target, null, StoryKey));
    }

    [Fact]
    public void A_migration_whose_write_fails_leaves_the_source_as_it_was_and_the_target_refused_at_opening()
    {
        var source = new InMemoryCareCoordinationStore();
        var people = WholeStory.Run(source, seed: 63, pseudonymised: false);
        var copy = new InMemoryCareCoordinationStore();
        YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, copy, YouthKeying.Pseudonymised(StoryKey));
        var target = new InMemoryCareCoordinationStore();
        target.FailNextCommit(new IOException("disk full"));

        Assert.Throws<IOException>(() => YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, YouthKeying.Pseudonymised(StoryKey)));

        // The source still holds exactly what a successful migration copies.
        MigratedStore.AssertSameContents(source, YouthKeying.ByBsn, copy, YouthKeying.Pseudonymised(StoryKey), people);
        Assert.Equal("bsn", source.ReadYouthKeying());
        Assert.Empty(target.Signals.Events);
        Assert.Throws<StoreKeyingMismatchException>(() => new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(IndexScenario.Start), target, null, StoryKey));
        Assert.Throws<StoreKeyingMismatchException>(() => new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(IndexScenario.Start), target));
    }

    [Fact]
    public void A_cancelled_migration_writes_nothing_into_the_target()
    {
        var source = new InMemoryCareCoordinationStore();
        WholeStory.Run(source, seed: 64, pseudonymised: false);
        var target = new InMemoryCareCoordinationStore();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, YouthKeying.Pseudonymised(StoryKey), cancellation.Token));

        Assert.Null(target.ReadYouthKeying());
        Assert.Empty(target.Signals.Events);
    }

    [Fact]
    public void A_migration_into_a_store_that_already_holds_data_is_refused_and_writes_nothing()
    {
        var source = new InMemoryCareCoordinationStore();
        WholeStory.Run(source, seed: 65, pseudonymised: false);
        var target = new InMemoryCareCoordinationStore();
        WholeStory.Run(target, seed: 66, pseudonymised: true);
        var eventsBefore = target.Signals.Events.Count;

        var refused = Assert.Throws<InvalidOperationException>(() => YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, YouthKeying.Pseudonymised(NewKey)));

        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Equal(eventsBefore, target.Signals.Events.Count);
        Assert.Equal(YouthKeying.Pseudonymised(StoryKey).Fingerprint, target.ReadYouthKeying());
    }

    [Fact]
    public void A_source_given_with_another_keying_than_it_was_written_with_is_refused_before_anything_is_written()
    {
        var source = new InMemoryCareCoordinationStore();
        WholeStory.Run(source, seed: 67, pseudonymised: true);
        var target = new InMemoryCareCoordinationStore();

        Assert.Throws<StoreKeyingMismatchException>(() => YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, YouthKeying.Pseudonymised(NewKey)));
        Assert.Throws<StoreKeyingMismatchException>(() => YouthKeyMigration.Migrate(source, YouthKeying.Pseudonymised(NewKey), target, YouthKeying.Pseudonymised(StoryKey)));

        Assert.Null(target.ReadYouthKeying());
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 25)]
    public void Any_index_history_moved_to_a_new_key_rebuilds_the_same_index(IndexOperation[] history)
    {
        var scenario = new IndexScenario(pseudonymiser: StoryKey);
        var source = new InMemoryCareCoordinationStore();
        var live = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, source, null, StoryKey);
        ReferenceIndexProperties.Run(live, scenario, history);
        var target = new InMemoryCareCoordinationStore();

        YouthKeyMigration.Migrate(source, YouthKeying.Pseudonymised(StoryKey), target, YouthKeying.Pseudonymised(NewKey));

        var rebuilt = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, target, null, NewKey);
        Assert.Equal(SignalStoreContract.Describe(live), SignalStoreContract.Describe(rebuilt));
        MigratedStore.AssertSameContents(source, YouthKeying.Pseudonymised(StoryKey), target, YouthKeying.Pseudonymised(NewKey), IndexModel.Youths);
    }
}
