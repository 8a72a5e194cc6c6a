using System.Linq;
using CareCoordination.Sdk.Benchmarks;
using CareCoordination.Sdk.Benchmarks.Baselines;
using CareCoordination.Sdk.Benchmarks.Replay;
using CareCoordination.Sdk.Privacy;
using Xunit;

namespace CareCoordination.Sdk.Bench.Tests;

/// <summary>
/// The replay benchmark at a small size (20,000 youths, about 40,000 registrations in five years: the density of its
/// 1M/2M run) against the naive index these tests already trust: the SDK and both baselines must count exactly what
/// it counts, or their times are not times for the same work.
/// </summary>
public sealed class ReplayBenchmarkTests
{
    private static readonly ReplayWorkload Region = ReplayWorkload.Generate(youths: 20_000, registrations: 40_000);

    private static readonly NaiveIndex Expected = NaiveReplayOf(Region);

    [Fact]
    public void The_replayed_region_has_about_the_registrations_asked_for_and_exercises_every_rule()
    {
        Assert.InRange(Region.Count, 36_000, 44_000);
        Assert.True(Expected.Renewed > 100, $"renewals: {Expected.Renewed}");
        Assert.True(Expected.SameYouth > 100, $"same-youth matches: {Expected.SameYouth}");
        Assert.True(Expected.Family > 100, $"family matches: {Expected.Family}");
        Assert.True(Expected.Archived > 0, $"archived matches: {Expected.Archived}");
        Assert.True(Expected.ToArchive > 0, $"archived by the daily job: {Expected.ToArchive}");
        Assert.True(Expected.RemovedAt23 > 0, $"removed at 23: {Expected.RemovedAt23}");
    }

    [Fact]
    public void Replaying_the_region_through_the_reference_index_counts_what_a_naive_index_counts()
    {
        using var replay = new SdkReplay(Region);

        var counts = replay.Run();

        AssertSameAsNaive(counts);
        Assert.Equal(Expected.ActiveAtEnd, replay.Index.ActiveSignalCount);
        Assert.Equal(Expected.ArchivedAtEnd, replay.Index.ArchivedSignalCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(PseudonymisationScheme.FeistelAes)]
    public void Replaying_the_region_through_a_pseudonymised_reference_index_counts_what_a_naive_index_counts(PseudonymisationScheme? scheme)
    {
        using var replay = new SdkReplay(Region, pseudonymiser: ReplayBenchmarks.Pseudonymiser(scheme));

        var counts = replay.Run();

        AssertSameAsNaive(counts);
        Assert.Equal(Expected.ActiveAtEnd, replay.Index.ActiveSignalCount);
        Assert.Equal(Expected.ArchivedAtEnd, replay.Index.ArchivedSignalCount);
    }

    [Fact]
    public void Replaying_the_region_through_the_dictionary_baseline_counts_what_a_naive_index_counts()
    {
        using var replay = new NaiveReplayIndex(Region);

        AssertSameAsNaive(replay.Run());
    }

    [Fact]
    public void Replaying_the_region_through_the_sqlite_baseline_counts_what_a_naive_index_counts()
    {
        using var replay = new SqliteReplayIndex(Region);

        AssertSameAsNaive(replay.Run());
    }

    [Fact]
    public void Replaying_the_region_through_the_tuned_layout_counts_what_a_naive_index_counts()
    {
        using var replay = new TunedReplayIndex(Region);

        AssertSameAsNaive(replay.Run());
        AssertHolds(replay, Expected);
    }

    [Fact]
    public void The_tuned_layout_keeps_a_youth_of_many_signals_in_a_chain_of_overflow_blocks_and_gives_them_back_at_23()
    {
        // Twenty registrations a youth in five years: some youths hold more signals than their row and two blocks, and
        // some of those turn 23, when all their signals leave and every block comes back.
        var dense = ReplayWorkload.Generate(youths: 2_000, registrations: 40_000);
        var expected = NaiveReplayOf(dense);
        using var replay = new TunedReplayIndex(dense);

        AssertSameAs(expected, dense, replay.Run());
        Assert.True(replay.MostSignalsOnOneYouth > 11, $"no youth needed a second overflow block: {replay.MostSignalsOnOneYouth}");
        Assert.True(expected.RemovedAt23 > 0, "nobody turned 23");
        AssertHolds(replay, expected);
    }

    [Fact]
    public void A_benchmark_iteration_writes_the_figures_its_summary_columns_read()
    {
        using var benchmarks = new ReplayBenchmarks { Size = new RegionSize(20_000, 40_000) };
        benchmarks.SetUpIndex();
        benchmarks.EmptyIndex();

        var registrations = benchmarks.ReferenceIndex();
        benchmarks.WriteFigures();

        var figures = ReplayFigures.Read(nameof(ReplayBenchmarks.ReferenceIndex), "20k/40k");
        Assert.NotNull(figures);
        Assert.Equal(Region.Count, registrations);
        Assert.Equal(Region.Count, figures["registrations"]);
        Assert.Equal(Expected.Family, figures["family"]);
        Assert.True(figures["heap-bytes"] > 0 && figures["peak-working-set-bytes"] > figures["heap-bytes"], "the memory figures were measured");
    }

    [Fact]
    public void The_summary_times_a_replay_by_the_median_of_the_replays_after_the_warm_up()
    {
        var size = new RegionSize(1_000, 2_000);
        ReplayFigures.Forget("Median", size);
        var replays = new[] { 9_000L, 3_000, 1_000, 2_000 }.Select(ticks => new ReplayCounts { Registered = 100, Days = 10, RegistrationTicks = ticks, JobTicks = ticks * 2, SlowestJobTicks = ticks }).ToArray();

        foreach (var replay in replays)
        {
            ReplayFigures.Write("Median", size, replay, heapBytes: 1, peakWorkingSetBytes: 2);
        }

        var figures = ReplayFigures.Read("Median", size.ToString());
        Assert.NotNull(figures);
        Assert.Equal(replays[3].RegistrationNanosecondsEach, figures["registration-ns"], 6);
        Assert.Equal(replays[3].JobMicrosecondsPerDay, figures["job-us-per-day"], 6);
        Assert.Equal(3, figures["replays"]);
    }

    private static void AssertHolds(TunedReplayIndex replay, NaiveIndex expected)
    {
        var (active, archived, blocksNeeded) = replay.Census();
        Assert.Equal((expected.ActiveAtEnd, expected.ArchivedAtEnd), (active, archived));
        Assert.Equal(blocksNeeded, replay.BlocksInUse);
    }

    private static NaiveIndex NaiveReplayOf(ReplayWorkload region) => NaiveIndex.Replay(
        Enumerable.Range(0, region.Count).Select(i => (region.BsnNumber[i], region.Family[i], region.Organisation[i], region.Day[i])),
        ReplayWorkload.Start,
        region.Days);

    private static void AssertSameAsNaive(ReplayCounts counts) => AssertSameAs(Expected, Region, counts);

    private static void AssertSameAs(NaiveIndex expected, ReplayWorkload region, ReplayCounts counts)
    {
        Assert.Equal(
            (expected.Registered, expected.Renewed, expected.Refused, expected.SameYouth, expected.Family, expected.Archived, expected.ToArchive, expected.RemovedAt23),
            (counts.Registered, counts.Renewed, counts.Refused, counts.SameYouthMatches, counts.FamilyMatches, counts.ArchivedMatches, counts.ExpiredToArchive, counts.RemovedAtAgeLimit));
        Assert.True(counts.RegistrationTicks > 0 && counts.Days == region.Days, "the replay timed every day");
    }
}
