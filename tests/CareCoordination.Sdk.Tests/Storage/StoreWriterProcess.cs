using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// The store writer (tests/CareCoordination.Sdk.StoreWriter) running in a process of its own, as a second writer on a
/// store would: it opens the store and registers until it is killed, or dies at once when the store refuses it.
/// </summary>
public sealed class StoreWriterProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ManualResetEventSlim _firstLine = new();

    private StoreWriterProcess(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Locate());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _lines.Enqueue(line);
                _firstLine.Set();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _errors.Enqueue(line);
            }
        };
        _process.Exited += (_, _) => _firstLine.Set();
        _process.EnableRaisingEvents = true;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Gets the lines the writer printed: "try …" before each registration, "ack …" after each acknowledged one.</summary>
    public IReadOnlyList<string> Output => [.. _lines];

    /// <summary>Gets what the writer printed to standard error, such as the exception that ended it.</summary>
    public string Errors => string.Join(Environment.NewLine, _errors);

    /// <summary>Gets whether the writer has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gets the writer's exit code once it has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the writer: <c>sqlite &lt;path&gt; &lt;seed&gt;</c> or <c>postgres &lt;connection string&gt; &lt;seed&gt; &lt;schema&gt;</c>.</summary>
    public static StoreWriterProcess Start(params string[] arguments) => new(arguments);

    /// <summary>Finds the writer's build next to the tests, or in its own project's output.</summary>
    public static string Locate()
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "CareCoordination.Sdk.StoreWriter.dll");
        return File.Exists(writer)
            ? writer
            : Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "CareCoordination.Sdk.StoreWriter", "bin"), "CareCoordination.Sdk.StoreWriter.dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).First();
    }

    /// <summary>Waits until the writer has opened its store and begun registering, or has ended.</summary>
    /// <returns>Whether it is writing: <see langword="false"/> when it has ended.</returns>
    public bool WaitUntilWritingOrEnded()
    {
        if (!_firstLine.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new Xunit.Sdk.XunitException("the writer neither wrote nor ended within a minute: " + Errors);
        }

        if (_process.HasExited)
        {
            // Wait for its standard output and error to be read to the end.
            _process.WaitForExit();
            return false;
        }

        return true;
    }

    /// <summary>Kills the writer with SIGKILL, as a crash would, and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _firstLine.Dispose();
    }
}
