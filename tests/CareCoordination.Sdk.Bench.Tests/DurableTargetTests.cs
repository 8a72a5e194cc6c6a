using System;
using Xunit;

namespace CareCoordination.Sdk.Bench.Tests;

public sealed class DurableTargetTests
{
    private static readonly string[] SmallRegion = ["--youths", "2000", "--years", "3", "--signals-per-youth", "0.2", "--seed", "3"];

    [Fact]
    public void A_sqlite_run_matches_the_in_memory_run_and_rebuilds_the_same_index()
    {
        using var tool = new ToolRun();
        tool.Invoke(["run", .. SmallRegion, "--out", tool.Path("memory")]);

        var (exit, _, error) = tool.Invoke(["run", .. SmallRegion, "--target", "sqlite", "--sqlite-path", tool.Path("index.db"), "--out", tool.Path("sqlite")]);

        Assert.True(exit == 0, error);
        var memory = tool.ReadResult("memory").Runs[0];
        var sqlite = tool.ReadResult("sqlite").Runs[0];
        Assert.Equal((memory.SameYouthMatches, memory.FamilyMatches, memory.ArchivedMatches), (sqlite.SameYouthMatches, sqlite.FamilyMatches, sqlite.ArchivedMatches));
        Assert.True(sqlite.StoreBytes > 0);
        Assert.True(sqlite.RebuildSeconds > 0);
        Assert.True(sqlite.RebuildMatches);
    }

    [Fact]
    public void A_sqlite_file_that_exists_is_not_overwritten_without_being_asked()
    {
        using var tool = new ToolRun();
        System.IO.File.WriteAllText(tool.Path("index.db"), "somebody's data");

        var (exit, _, error) = tool.Invoke(["run", .. SmallRegion, "--target", "sqlite", "--sqlite-path", tool.Path("index.db"), "--out", tool.Path("r")]);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", error);
        Assert.Equal("somebody's data", System.IO.File.ReadAllText(tool.Path("index.db")));
    }

    [Fact]
    public void A_postgresql_run_matches_the_in_memory_run_and_rebuilds_the_same_index()
    {
        var connection = Environment.GetEnvironmentVariable("CARECOORDINATION_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CARECOORDINATION_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL server.");
        using var tool = new ToolRun();
        tool.Invoke(["run", .. SmallRegion, "--out", tool.Path("memory")]);

        var (exit, _, error) = tool.Invoke(["run", .. SmallRegion, "--target", "postgres", "--postgres", connection, "--postgres-schema", "bench_test", "--overwrite", "--clients", "1,2", "--out", tool.Path("pg")]);

        Assert.True(exit == 0, error);
        var memory = tool.ReadResult("memory").Runs[0];
        var result = tool.ReadResult("pg");
        Assert.DoesNotContain("Password=", result.Command, StringComparison.OrdinalIgnoreCase);
        Assert.All(result.Runs, pg =>
        {
            Assert.Equal((memory.SameYouthMatches, memory.FamilyMatches, memory.ArchivedMatches), (pg.SameYouthMatches, pg.FamilyMatches, pg.ArchivedMatches));
            Assert.True(pg.StoreBytes > 0);
            Assert.True(pg.RebuildMatches);
        });
    }
}
