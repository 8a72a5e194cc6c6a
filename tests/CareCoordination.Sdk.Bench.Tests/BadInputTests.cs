using System.IO;
using System.Linq;
using Xunit;

namespace CareCoordination.Sdk.Bench.Tests;

public sealed class BadInputTests
{
    private const string Header = "bsn,familyId,orgId,day";
    private const string Good = "111222333,1,1,0";
    private const string AlsoGood = "123456782,1,2,1";
    private const string FailsElevenTest = "123456789,2,1,2";

    [Theory]
    [InlineData("--target sqlite", "--target sqlite needs --sqlite-path")]
    [InlineData("--target postgres", "--target postgres needs --postgres")]
    [InlineData("--sqlite-path x.db", "--sqlite-path is only used with --target sqlite")]
    [InlineData("--follow-up-share 1.5", "--follow-up-share must be a share from 0 to 1; it is 1.5.")]
    [InlineData("--follow-up-share 0.6 --sibling-share 0.6", "--follow-up-share plus --sibling-share must be at most 1")]
    [InlineData("--youths 0", "--youths must be from 1 to 20,000,000; it is 0.")]
    [InlineData("--youths 100 --families 10", "--families must be from youths/4 to youths")]
    [InlineData("--organisations 1", "--organisations must be from 2 (a match needs two)")]
    [InlineData("--years 0", "--years must be from 1 to 20; it is 0.")]
    [InlineData("--clients 0", "--clients takes client counts from 1 to 64")]
    [InlineData("--clients 1,x", "'x' is not one")]
    [InlineData("--start 2026-13-01", "--start must be a date as yyyy-MM-dd")]
    [InlineData("--csv missing.csv", "The CSV file does not exist")]
    public void A_bad_argument_is_refused_with_a_message_that_says_what_to_do(string arguments, string message)
    {
        using var tool = new ToolRun();

        var (exit, _, error) = tool.Invoke(["run", .. arguments.Split(' '), "--out", tool.Path("r")]);

        Assert.Equal(1, exit);
        Assert.Contains(message, error);
        Assert.False(Directory.Exists(tool.Path("r")));
    }

    [Fact]
    public void Every_bad_argument_is_listed_at_once()
    {
        using var tool = new ToolRun();

        var (_, _, error) = tool.Invoke("run", "--organisations", "1", "--years", "0", "--clients", "0");

        Assert.Equal(3, error.Split('\n').Count(l => l.StartsWith("error:", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void A_replay_refuses_the_options_of_a_synthetic_region()
    {
        using var tool = new ToolRun();
        File.WriteAllLines(tool.Path("x.csv"), [Header, Good]);

        var (exit, _, error) = tool.Invoke("run", "--csv", tool.Path("x.csv"), "--youths", "100");

        Assert.Equal(1, exit);
        Assert.Contains("--youths describes a synthetic region; a replay takes its youths", error);
    }

    [Theory]
    [InlineData(FailsElevenTest, "line 3: the BSN is not valid: it fails the elfproef (eleven test).")]
    [InlineData("12345,1,1,0", "line 3: the BSN is not valid: it must have 9 digits (or 8 of an old number).")]
    [InlineData("111222333,1,1", "line 3: expected 4 fields (bsn,familyId,orgId,day), found 3.")]
    [InlineData("111222333,1,0,0", "line 3: orgId must be a whole number from 1 to 2147483647.")]
    [InlineData("111222333,1,1,-4", "line 3: day must be a whole number of days since the start, from 0 to 36524.")]
    [InlineData("111222333,x,1,0", "line 3: familyId must be empty, 0 (no family) or a whole number")]
    [InlineData("111222333,9,1,0", "line 3: this youth has family 9, but line 2 gave the same youth family 1")]
    public void A_bad_csv_line_stops_the_run_with_its_line_number_and_without_its_bsn(string line, string message)
    {
        using var tool = new ToolRun();
        File.WriteAllLines(tool.Path("x.csv"), [Header, Good, line, AlsoGood]);

        var (exit, output, error) = tool.Invoke("run", "--csv", tool.Path("x.csv"), "--out", tool.Path("r"));

        Assert.Equal(1, exit);
        Assert.Contains("x.csv, " + message, error);
        Assert.Contains("nothing was replayed", error);
        Assert.DoesNotContain(line.Split(',')[0], error + output);
        Assert.False(File.Exists(tool.Path("r/result.json")));
    }

    [Fact]
    public void A_bad_csv_line_is_reported_and_left_out_when_the_user_chooses_to_skip()
    {
        using var tool = new ToolRun();
        File.WriteAllLines(tool.Path("x.csv"), [Header, Good, FailsElevenTest, string.Empty, AlsoGood]);

        var (exit, output, _) = tool.Invoke("run", "--csv", tool.Path("x.csv"), "--on-bad-line", "skip", "--out", tool.Path("r"));

        Assert.Equal(0, exit);
        Assert.Contains("skipped x.csv, line 3: the BSN is not valid: it fails the elfproef", output);
        var result = tool.ReadResult("r");
        Assert.Equal(2, result.Registrations);
        Assert.Equal(["line 3: the BSN is not valid: it fails the elfproef (eleven test)."], result.SkippedLines);
        Assert.Equal(1, result.Runs[0].SameYouthMatches + result.Runs[0].FamilyMatches);
    }

    [Fact]
    public void A_csv_without_registrations_is_refused()
    {
        using var tool = new ToolRun();
        File.WriteAllLines(tool.Path("x.csv"), [Header]);

        var (exit, _, error) = tool.Invoke("run", "--csv", tool.Path("x.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("holds no registration to replay", error);
    }
}
