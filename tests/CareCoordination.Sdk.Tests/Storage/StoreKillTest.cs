using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// Runs the store writer in its own process, kills it with SIGKILL at a random moment, reopens the store and checks
/// that every registration the writer acknowledged is there and that no signal was half-written.
/// </summary>
public static class StoreKillTest
{
    public static void Run(int runs, Func<string, string[]> writerArguments, Func<ISignalStore> openStore, Func<ISignalStore, SignalId, IReadOnlyList<StoredEvent>> readEvents, Action<ISignalStore> closeStore)
    {
        var random = new Random(2026);
        var acknowledged = new Dictionary<long, (int Youth, int Organisation)>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var (id, signal) in RunWriterUntilKilled(writerArguments(run.ToString(System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromMilliseconds(random.Next(50, 700))))
            {
                acknowledged[id] = signal;
            }

            var store = openStore();
            try
            {
                var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), store);
                foreach (var (id, (youth, organisation)) in acknowledged)
                {
                    var found = index.GetActiveSignals(Bsn.FromNumber(youth)).Any(s => s.Id.Value == id && s.Organisation.Value == organisation);
                    if (!found)
                    {
                        throw new Xunit.Sdk.XunitException($"run {run}: acknowledged signal {id} is not in the store");
                    }
                }

                foreach (var youth in acknowledged.Values.Select(a => a.Youth).Distinct().Take(200))
                {
                    foreach (var signal in index.GetActiveSignals(Bsn.FromNumber(youth)))
                    {
                        if (!readEvents(store, signal.Id).Any(e => e.Type == "SignalRegistered"))
                        {
                            throw new Xunit.Sdk.XunitException($"run {run}: signal {signal.Id} is stored without its registration event: a half-written commit");
                        }
                    }
                }
            }
            finally
            {
                closeStore(store);
            }
        }

        if (acknowledged.Count == 0)
        {
            throw new Xunit.Sdk.XunitException("the writer never acknowledged a registration: the test proved nothing");
        }
    }

    private static List<(long Id, (int Youth, int Organisation) Signal)> RunWriterUntilKilled(string[] arguments, TimeSpan runFor)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "CareCoordination.Sdk.StoreWriter.dll");
        if (!File.Exists(writer))
        {
            writer = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "CareCoordination.Sdk.StoreWriter", "bin"), "CareCoordination.Sdk.StoreWriter.dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).First();
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(writer);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var lines = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        using var firstAck = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Enqueue(line);
                firstAck.Set();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!firstAck.Wait(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the writer acknowledged nothing within a minute: " + string.Join(" | ", errors));
        }

        Thread.Sleep(runFor);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return lines
            .Select(l => l.Split(' '))
            .Where(p => p.Length == 4 && p[0] == "ack")
            .Select(p => (long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), (int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
    }
}
