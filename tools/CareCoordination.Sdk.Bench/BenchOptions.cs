using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using CareCoordination.Sdk.Bench.Running;
using CareCoordination.Sdk.Bench.Workloads;
using NodaTime;
using NodaTime.Text;

namespace CareCoordination.Sdk.Bench;

/// <summary>The command line's options, and how they turn into a workload and a target.</summary>
internal sealed class BenchOptions
{
    public Option<RegionPreset?> Preset { get; } = new("--preset") { Description = "Region size: municipality (50,000 youths), region (500,000) or nation (5,000,000). Default: municipality." };

    public Option<int?> Youths { get; } = new("--youths") { Description = "Youths living in the region (instead of a preset)." };

    public Option<int?> Families { get; } = new("--families") { Description = "Families of 1 to 4 youths. Default: youths / 1.8." };

    public Option<int?> Organisations { get; } = new("--organisations") { Description = "Organisations that signal, of Zipf-distributed sizes. Default: youths / 1,000, at least 20." };

    public Option<int?> Years { get; } = new("--years") { Description = "Simulated years. Default: 3." };

    public Option<double?> SignalsPerYouth { get; } = new("--signals-per-youth") { Description = "Registrations per youth per year. Default: 0.038 (Multisignaal 2023)." };

    public Option<double?> FollowUpShare { get; } = new("--follow-up-share") { Description = "Share of registrations on a youth with an active signal. Default: 0.28." };

    public Option<double?> SameOrganisationShare { get; } = new("--same-organisation-share") { Description = "Share of follow-ups by an organisation that already signalled (renewals). Default: 0.25." };

    public Option<double?> SiblingShare { get; } = new("--sibling-share") { Description = "Share of registrations on a sibling of a signalled youth. Default: 0.60." };

    public Option<double?> OrganisationSkew { get; } = new("--organisation-skew") { Description = "Zipf exponent of organisation sizes (0: all equal). Default: 1.0." };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the synthetic region; the same seed gives the same region.", DefaultValueFactory = _ => 1 };

    public Option<string> Start { get; } = new("--start") { Description = "The first simulated day, yyyy-MM-dd.", DefaultValueFactory = _ => "2026-01-01" };

    public Option<FileInfo?> Csv { get; } = new("--csv") { Description = "Replay a CSV export (bsn,familyId,orgId,day) instead of generating a region." };

    public Option<BadLinePolicy> OnBadLine { get; } = new("--on-bad-line") { Description = "What a bad CSV line does: stop the run, or skip it (both report its line number).", DefaultValueFactory = _ => BadLinePolicy.Stop };

    public Option<TargetKind> Target { get; } = new("--target") { Description = "Where the index lives: memory, sqlite (with --sqlite-path) or postgres (with --postgres).", DefaultValueFactory = _ => TargetKind.Memory };

    public Option<string?> SqlitePath { get; } = new("--sqlite-path") { Description = "The SQLite file to write (created; must not exist unless --overwrite)." };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "Npgsql connection string of your PostgreSQL server." };

    public Option<string> PostgresSchema { get; } = new("--postgres-schema") { Description = "The schema the benchmark writes into (and drops with --overwrite).", DefaultValueFactory = _ => "carecoordination_bench" };

    public Option<bool> Overwrite { get; } = new("--overwrite") { Description = "Remove what an earlier benchmark left in --sqlite-path or --postgres-schema." };

    public Option<string> Clients { get; } = new("--clients") { Description = "Concurrent clients, one count or a list: 1,2,4. Each count replays the whole workload.", DefaultValueFactory = _ => "1" };

    public Option<DirectoryInfo> Out { get; } = new("--out") { Description = "Folder for report.md, report.html, result.json and the charts.", DefaultValueFactory = _ => new DirectoryInfo("bench-report") };

    public Option<FileInfo[]> Compare { get; } = new("--compare") { Description = "result.json files of earlier runs to draw beside this one in the size chart.", AllowMultipleArgumentsPerToken = true };

    public Option<FileInfo> CsvOut { get; } = new("--out") { Description = "The CSV file to write.", Required = true };

    public IEnumerable<Option> WorkloadOptions() =>
        [Preset, Youths, Families, Organisations, Years, SignalsPerYouth, FollowUpShare, SameOrganisationShare, SiblingShare, OrganisationSkew, Seed, Start];

    public IEnumerable<Option> RunOptions() => [Csv, OnBadLine, Target, SqlitePath, Postgres, PostgresSchema, Overwrite, Clients, Out, Compare];

    /// <summary>Every problem with the options of a run or a generation, as messages; empty when they are usable.</summary>
    public List<string> Check(ParseResult result, bool isRun)
    {
        var errors = new List<string>();
        if (!TryStart(result.GetValue(Start), out _))
        {
            errors.Add($"--start must be a date as yyyy-MM-dd; it is '{result.GetValue(Start)}'.");
        }

        var replay = isRun && result.GetValue(Csv) is not null;
        if (replay)
        {
            var csv = result.GetValue(Csv)!;
            if (!csv.Exists)
            {
                errors.Add($"The CSV file does not exist: {csv.FullName}.");
            }

            foreach (var option in WorkloadOptions())
            {
                if (option != Start && result.GetResult(option) is { Implicit: false })
                {
                    errors.Add($"{option.Name} describes a synthetic region; a replay takes its youths, families, organisations and days from the CSV.");
                }
            }
        }
        else
        {
            errors.AddRange(Shape(result).Violations());
        }

        if (!isRun)
        {
            return errors;
        }

        var target = result.GetValue(Target);
        var sqlite = result.GetValue(SqlitePath);
        var postgres = result.GetValue(Postgres);
        if (target == TargetKind.Sqlite && string.IsNullOrWhiteSpace(sqlite))
        {
            errors.Add("--target sqlite needs --sqlite-path: the SQLite file to write.");
        }

        if (target == TargetKind.Postgres && string.IsNullOrWhiteSpace(postgres))
        {
            errors.Add("--target postgres needs --postgres: the connection string of your server, e.g. \"Host=db;Username=bench;Password=...;Database=bench\".");
        }

        if (target != TargetKind.Sqlite && sqlite is not null)
        {
            errors.Add("--sqlite-path is only used with --target sqlite.");
        }

        if (target != TargetKind.Postgres && postgres is not null)
        {
            errors.Add("--postgres is only used with --target postgres.");
        }

        if (!TryClients(result.GetValue(Clients), out _, out var clientError))
        {
            errors.Add(clientError!);
        }

        foreach (var file in result.GetValue(Compare) ?? [])
        {
            if (!file.Exists)
            {
                errors.Add($"The --compare file does not exist: {file.FullName}.");
            }
        }

        return errors;
    }

    /// <summary>The synthetic region the options describe: the preset, with every given size and rate overriding it.</summary>
    public RegionShape Shape(ParseResult result)
    {
        var preset = RegionShape.Of(result.GetValue(Preset) ?? RegionPreset.Municipality);
        var youths = result.GetValue(Youths);
        var shape = preset with
        {
            Youths = youths ?? preset.Youths,
            Families = result.GetValue(Families) ?? (youths is { } y ? RegionShape.DefaultFamilies(y) : preset.Families),
            Organisations = result.GetValue(Organisations) ?? (youths is { } z ? RegionShape.DefaultOrganisations(z) : preset.Organisations),
        };
        return shape with
        {
            Years = result.GetValue(Years) ?? shape.Years,
            SignalsPerYouthPerYear = result.GetValue(SignalsPerYouth) ?? shape.SignalsPerYouthPerYear,
            FollowUpShare = result.GetValue(FollowUpShare) ?? shape.FollowUpShare,
            SameOrganisationShare = result.GetValue(SameOrganisationShare) ?? shape.SameOrganisationShare,
            SiblingShare = result.GetValue(SiblingShare) ?? shape.SiblingShare,
            OrganisationSkew = result.GetValue(OrganisationSkew) ?? shape.OrganisationSkew,
        };
    }

    public BenchTarget CreateTarget(ParseResult result) => result.GetValue(Target) switch
    {
        TargetKind.Sqlite => new SqliteTarget(result.GetValue(SqlitePath)!),
        TargetKind.Postgres => new PostgresTarget(result.GetValue(Postgres)!, result.GetValue(PostgresSchema)!),
        _ => new MemoryTarget(),
    };

    public static bool TryStart(string? text, out LocalDate start)
    {
        var parsed = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        start = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    public static bool TryClients(string? text, out int[] clients, out string? error)
    {
        var list = new List<int>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 64)
            {
                clients = [];
                error = $"--clients takes client counts from 1 to 64, separated by commas (e.g. 1,2,4); '{part}' is not one.";
                return false;
            }

            if (!list.Contains(n))
            {
                list.Add(n);
            }
        }

        clients = [.. list];
        error = list.Count == 0 ? "--clients needs at least one client count, e.g. 1 or 1,2,4." : null;
        return list.Count > 0;
    }
}
