using System;
using System.IO;
using System.Text.Json;
using CareCoordination.Sdk.Bench.Reporting;
using Spectre.Console;

namespace CareCoordination.Sdk.Bench.Tests;

/// <summary>Runs the tool as a user would, capturing what it prints, in a temporary folder of its own.</summary>
internal sealed class ToolRun : IDisposable
{
    public ToolRun()
    {
        Folder = Directory.CreateTempSubdirectory("carecoordination-bench-test-").FullName;
    }

    public string Folder { get; }

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Tests read as runs of this tool instance, whose folder they write into.")]
    public (int ExitCode, string Output, string Error) Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var exit = BenchApp.Run(args, console, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Reads the result.json the tool wrote into a subfolder of <see cref="Folder"/>.</summary>
    public BenchResult ReadResult(string subfolder) =>
        JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(System.IO.Path.Combine(Folder, subfolder, "result.json")), BenchApp.Json)!;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
