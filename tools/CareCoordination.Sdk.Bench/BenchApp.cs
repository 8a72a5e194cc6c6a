using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareCoordination.Sdk.Bench.Reporting;
using CareCoordination.Sdk.Bench.Running;
using CareCoordination.Sdk.Bench.Workloads;
using Spectre.Console;

namespace CareCoordination.Sdk.Bench;

/// <summary>
/// The <c>carecoordination-bench</c> tool: <c>run</c> replays a synthetic region or a CSV export through the reference
/// index and writes a report; <c>generate</c> writes a synthetic region as a CSV export.
/// </summary>
public static partial class BenchApp
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Runs the tool as the command line asks.</summary>
    /// <param name="args">The arguments after the tool's name.</param>
    /// <param name="console">Where progress, tables and the verdict go.</param>
    /// <param name="output">Where help goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>0 when it succeeded; 1 for bad arguments, a bad CSV line, or a failed run.</returns>
    public static int Run(string[] args, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var options = new BenchOptions();
        var run = new Command("run", "Replay a synthetic region (or a CSV export) through the reference index, day by day, and write a report.");
        var generate = new Command("generate", "Write a synthetic region's registrations as a CSV export (bsn,familyId,orgId,day).");
        foreach (var option in options.WorkloadOptions())
        {
            run.Options.Add(option);
            generate.Options.Add(option);
        }

        foreach (var option in options.RunOptions())
        {
            run.Options.Add(option);
        }

        generate.Options.Add(options.CsvOut);
        run.SetAction(parsed => Checked(parsed, options, isRun: true, error) ?? Execute(() => RunBenchmark(parsed, options, console, args), error));
        generate.SetAction(parsed => Checked(parsed, options, isRun: false, error) ?? Execute(() => Generate(parsed, options, console), error));

        var root = new RootCommand("carecoordination-bench: will the CareCoordination.Sdk reference index hold your region, on this machine, with your store?")
        {
            run,
            generate,
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>The command to run the same benchmark again, with any password in a connection string masked.</summary>
    internal static string RerunCommand(IEnumerable<string> args) =>
        "carecoordination-bench " + string.Join(' ', args.Select(a => Quote(Password().Replace(a, "$1=*****"))));

    /// <summary>Checks the options once they hold their defaults: every problem is listed, and the run does not start.</summary>
    private static int? Checked(ParseResult parsed, BenchOptions options, bool isRun, TextWriter error)
    {
        var problems = options.Check(parsed, isRun);
        foreach (var problem in problems)
        {
            error.WriteLine("error: " + problem);
        }

        return problems.Count > 0 ? 1 : null;
    }

    private static int Execute(Func<int> action, TextWriter error)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is CsvReplayException or IOException or InvalidOperationException or UnauthorizedAccessException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static int Generate(ParseResult parsed, BenchOptions options, IAnsiConsole console)
    {
        var shape = options.Shape(parsed);
        BenchOptions.TryStart(parsed.GetValue(options.Start), out var start);
        var workload = Prepare(console, "Generating the region", (p) => SyntheticRegion.Generate(shape, parsed.GetValue(options.Seed), start, p));
        var file = parsed.GetValue(options.CsvOut)!;
        using (var writer = new StreamWriter(file.FullName))
        {
            CsvWorkload.Write(workload, writer);
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Wrote {workload.Count:N0} registrations over {workload.Days:N0} days to {file.FullName}.");
        return 0;
    }

    private static int RunBenchmark(ParseResult parsed, BenchOptions options, IAnsiConsole console, string[] args)
    {
        var target = options.CreateTarget(parsed);
        if (target.Check(parsed.GetValue(options.Overwrite)) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        BenchOptions.TryStart(parsed.GetValue(options.Start), out var start);
        BenchOptions.TryClients(parsed.GetValue(options.Clients), out var clients, out _);
        var skipped = new List<CsvProblem>();
        var preparing = Stopwatch.StartNew();
        Workload workload;
        if (parsed.GetValue(options.Csv) is { } csv)
        {
            workload = CsvWorkload.Read(csv.FullName, parsed.GetValue(options.OnBadLine), start, skipped);
            foreach (var line in skipped)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]skipped[/] {csv.Name}, {line}");
            }
        }
        else
        {
            var shape = options.Shape(parsed);
            workload = Prepare(console, "Generating the region", p => SyntheticRegion.Generate(shape, parsed.GetValue(options.Seed), start, p));
        }

        var preparation = preparing.Elapsed.TotalSeconds;
        var runs = new List<ClientRun>();
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var tasks = clients.Select(c => context.AddTask(string.Create(CultureInfo.InvariantCulture, $"Replaying {workload.Years:0.#} year(s), {c} client(s)"), autoStart: false, maxValue: workload.Days)).ToArray();
                for (var i = 0; i < clients.Length; i++)
                {
                    var task = tasks[i];
                    task.StartTask();
                    runs.Add(Replayer.Run(workload, target, clients[i], (done, _) => task.Value = done));
                    task.StopTask();
                }
            });

        var result = new BenchResult
        {
            Command = RerunCommand(args),
            Machine = MachineInfo.Current(),
            Workload = workload.Description,
            Target = target.Name,
            Youths = workload.Youths,
            Years = workload.Years,
            Registrations = workload.Count,
            StartDate = workload.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PreparationSeconds = preparation,
            SkippedLines = skipped.Select(s => s.ToString()).ToArray(),
            Runs = runs,
            Compared = (parsed.GetValue(options.Compare) ?? []).Select(ReadSizePoint).ToArray(),
        };
        var folder = parsed.GetValue(options.Out)!;
        folder.Create();
        File.WriteAllText(Path.Combine(folder.FullName, "result.json"), JsonSerializer.Serialize(result, Json));
        ReportWriter.Write(result, folder.FullName);
        ConsoleSummary.Show(console, result, folder.FullName);
        return 0;
    }

    private static Workload Prepare(IAnsiConsole console, string description, Func<Action<int, int>, Workload> prepare)
    {
        Workload? workload = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: 1);
                workload = prepare((done, total) =>
                {
                    task.MaxValue = total;
                    task.Value = done;
                });
            });
        return workload!;
    }

    private static SizePoint ReadSizePoint(FileInfo file)
    {
        var earlier = JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(file.FullName), Json)
            ?? throw new InvalidOperationException($"{file.FullName} holds no benchmark result.");
        var first = earlier.Runs[0];
        return new SizePoint(earlier.Workload, earlier.Youths, first.IndexHeapBytes, first.PeakWorkingSetBytes, first.StoreBytes);
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./,:=@".Contains(c, StringComparison.Ordinal)) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("((?i:password|pwd))=[^;]*")]
    private static partial Regex Password();
}
