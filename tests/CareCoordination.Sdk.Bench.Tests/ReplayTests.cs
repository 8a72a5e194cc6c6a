using System.IO;
using System.Linq;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Bench.Tests;

public sealed class ReplayTests
{
    // Small enough for seconds, dense enough for every kind of match, expiry into the archive and youths turning 23.
    private static readonly string[] SmallRegion = ["--youths", "3000", "--years", "3", "--signals-per-youth", "0.3", "--seed", "7"];

    [Fact]
    public void A_replayed_generated_csv_finds_what_a_naive_index_finds()
    {
        using var tool = new ToolRun();
        var csv = tool.Path("region.csv");
        Assert.Equal(0, tool.Invoke(["generate", .. SmallRegion, "--out", csv]).ExitCode);

        var (exit, _, error) = tool.Invoke("run", "--csv", csv, "--out", tool.Path("report"));

        Assert.True(exit == 0, error);
        var result = tool.ReadResult("report");
        var run = Assert.Single(result.Runs);
        var naive = NaiveIndex.Replay(csv, new LocalDate(2026, 1, 1), (int)System.Math.Round(result.Years * 365.25));
        Assert.True(naive.SameYouth > 100 && naive.Family > 100 && naive.Archived > 0 && naive.RemovedAt23 > 0, "the workload exercises every rule");
        Assert.Equal(naive.Registered, run.Registered);
        Assert.Equal(naive.Renewed, run.Renewed);
        Assert.Equal(naive.Refused, run.Refused.Values.Sum());
        Assert.Equal(naive.SameYouth, run.SameYouthMatches);
        Assert.Equal(naive.Family, run.FamilyMatches);
        Assert.Equal(naive.Archived, run.ArchivedMatches);
        Assert.Equal(naive.ToArchive, run.ExpiredToArchive);
        Assert.Equal(naive.RemovedAt23, run.RemovedAtAgeLimit);
        Assert.Equal(naive.ActiveAtEnd, run.ActiveAtEnd);
        Assert.Equal(naive.ArchivedAtEnd, run.ArchivedAtEnd);
    }

    [Fact]
    public void Replaying_the_same_csv_twice_and_with_more_clients_gives_identical_match_counts()
    {
        using var tool = new ToolRun();
        var csv = tool.Path("region.csv");
        tool.Invoke(["generate", .. SmallRegion, "--out", csv]);

        Assert.Equal(0, tool.Invoke("run", "--csv", csv, "--clients", "1,2", "--out", tool.Path("first")).ExitCode);
        Assert.Equal(0, tool.Invoke("run", "--csv", csv, "--clients", "3", "--out", tool.Path("second")).ExitCode);

        var runs = tool.ReadResult("first").Runs.Concat(tool.ReadResult("second").Runs).ToList();
        Assert.Equal([1, 2, 3], runs.Select(r => r.Clients));
        Assert.True(runs[0].TotalMatches > 0);
        Assert.All(runs, r => Assert.Equal(
            (runs[0].SameYouthMatches, runs[0].FamilyMatches, runs[0].ArchivedMatches, runs[0].Registered, runs[0].Renewed),
            (r.SameYouthMatches, r.FamilyMatches, r.ArchivedMatches, r.Registered, r.Renewed)));
    }

    [Fact]
    public void A_generated_region_runs_as_its_csv_export_replays()
    {
        using var tool = new ToolRun();
        var csv = tool.Path("region.csv");
        tool.Invoke(["generate", .. SmallRegion, "--out", csv]);

        tool.Invoke(["run", .. SmallRegion, "--out", tool.Path("generated")]);
        tool.Invoke("run", "--csv", csv, "--out", tool.Path("replayed"));

        var generated = tool.ReadResult("generated").Runs[0];
        var replayed = tool.ReadResult("replayed").Runs[0];
        Assert.Equal((generated.SameYouthMatches, generated.FamilyMatches, generated.ArchivedMatches), (replayed.SameYouthMatches, replayed.FamilyMatches, replayed.ArchivedMatches));
    }

    [Fact]
    public void The_report_names_the_machine_the_command_and_ends_with_a_verdict()
    {
        using var tool = new ToolRun();

        var (exit, output, _) = tool.Invoke(["run", .. SmallRegion, "--out", tool.Path("report")]);

        Assert.Equal(0, exit);
        var markdown = File.ReadAllText(tool.Path("report/report.md"));
        var html = File.ReadAllText(tool.Path("report/report.html"));
        Assert.Contains("**Machine:**", markdown);
        Assert.Contains("cores", markdown);
        Assert.Contains("carecoordination-bench run --youths 3000 --years 3", markdown);
        Assert.Contains("This machine holds your region", markdown.Split("## Verdict")[1]);
        Assert.Contains("headroom", markdown.Split("## Verdict")[1]);
        Assert.Equal(3, html.Split("<svg").Length - 1);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("This machine holds your region", output);
    }

    [Fact]
    public void No_bsn_appears_in_the_report_or_on_the_console()
    {
        using var tool = new ToolRun();
        var csv = tool.Path("region.csv");
        tool.Invoke(["generate", .. SmallRegion, "--out", csv]);
        var bsns = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();

        var (_, output, error) = tool.Invoke("run", "--csv", csv, "--out", tool.Path("report"));

        var everything = output + error + string.Concat(Directory.GetFiles(tool.Path("report")).Select(File.ReadAllText));
        Assert.DoesNotContain(bsns, everything.Contains);
    }
}
