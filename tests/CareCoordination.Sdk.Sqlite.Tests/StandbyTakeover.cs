using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Availability;

/// <summary>
/// The takeover story, shared by the SQLite and PostgreSQL tests: the store writer runs in a process of its own as the
/// active instance; a standby waits in this process, holding no lock; the writer is killed with SIGKILL; the standby
/// takes the writer lock within ten seconds, rebuilds the index from the store and serves. Nothing the writer
/// acknowledged is lost, every acknowledged key retried gets its first answer, and the registration in flight, retried
/// twice, gives one signal.
/// </summary>
public static class StandbyTakeover
{
    /// <summary>How often the standby tries the lock in these tests.</summary>
    public static readonly StandbyOptions Polling = new() { PollInterval = TimeSpan.FromMilliseconds(250) };

    public static void Run(string[] writerArguments, Func<CancellationToken, Task<ISignalStore>> openStandby, Action<ISignalStore> closeStore)
    {
        var lines = new ConcurrentQueue<string>();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(StoreWriterProcess.Locate());
        foreach (var argument in writerArguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var acked = new CountdownEvent(50);
        var errors = new ConcurrentQueue<string>();
        using var active = new Process { StartInfo = start };
        active.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Enqueue(line);
                if (line.StartsWith("ack ", StringComparison.Ordinal) && !acked.IsSet)
                {
                    acked.Signal();
                }
            }
        };
        active.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors.Enqueue(line);
            }
        };
        active.Start();
        active.BeginOutputReadLine();
        active.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Task<ISignalStore> standby;
        try
        {
            if (!acked.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new Xunit.Sdk.XunitException("the active writer acknowledged too little within a minute: " + string.Join(" | ", errors));
            }

            standby = openStandby(cancel.Token);

            // Several polls while the active instance writes: the standby must still be waiting, not writing beside it.
            Thread.Sleep(TimeSpan.FromSeconds(1));
            Assert.False(standby.IsCompleted, "the standby opened the store while the active instance held it: " + (standby.Exception?.ToString() ?? string.Empty));
            Assert.False(active.HasExited, "the active writer ended by itself: " + string.Join(" | ", errors));
        }
        finally
        {
            active.Kill(entireProcessTree: true);
            active.WaitForExit();
        }

        var killedAt = Stopwatch.StartNew();
        Assert.True(standby.Wait(TimeSpan.FromSeconds(10)), "the standby did not take over within 10 seconds of the kill");
        var tookOver = killedAt.Elapsed;
        var store = standby.Result;
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), store);
            var stored = StoredRows.Of(store);
            var parts = lines.Select(l => l.Split(' ')).ToList();
            var acks = parts.Where(p => p.Length == 6 && p[0] == "ack").ToList();
            Assert.True(acks.Count >= 50, $"only {acks.Count} acknowledgements read; took over after {tookOver}");
            foreach (var ack in acks)
            {
                var id = long.Parse(ack[1], CultureInfo.InvariantCulture);
                var youth = int.Parse(ack[2], CultureInfo.InvariantCulture);
                var organisation = int.Parse(ack[3], CultureInfo.InvariantCulture);
                Assert.True(
                    stored.Any(s => s.Id.Value == id && s.Youth.Value == youth && s.Organisation.Value == organisation && s.State == StoredSignalState.Active),
                    $"acknowledged signal {id} ({ack[4]}) is missing after the takeover");
            }

            var signals = index.ActiveSignalCount;
            foreach (var ack in acks)
            {
                var retry = index.Register(Registration(ack[2], ack[3], ack[4]));
                Assert.False(retry.IsRefused, $"retrying {ack[4]} was refused");
                Assert.Equal(long.Parse(ack[1], CultureInfo.InvariantCulture), retry.Signal.Id.Value);
                Assert.Equal(ack[5], retry.Outcome.ToString());
            }

            Assert.Equal(signals, index.ActiveSignalCount);
            var lastTry = parts.LastOrDefault(p => p.Length == 4 && p[0] == "try");
            if (lastTry is not null && acks[^1][4] != lastTry[3])
            {
                var first = index.Register(Registration(lastTry[1], lastTry[2], lastTry[3]));
                var again = index.Register(Registration(lastTry[1], lastTry[2], lastTry[3]));
                Assert.False(first.IsRefused || again.IsRefused);
                Assert.Equal(first.Signal.Id, again.Signal.Id);
                var youth = int.Parse(lastTry[1], CultureInfo.InvariantCulture);
                var organisation = int.Parse(lastTry[2], CultureInfo.InvariantCulture);
                Assert.Equal(1, StoredRows.Of(store).Count(s => s.Youth.Value == youth && s.Organisation.Value == organisation && s.State == StoredSignalState.Active));
            }
        }
        finally
        {
            closeStore(store);
        }
    }

    private static SignalRegistration Registration(string youth, string organisation, string key)
    {
        var id = new OrganisationId(int.Parse(organisation, CultureInfo.InvariantCulture));
        return new SignalRegistration(new Youth(Bsn.FromNumber(int.Parse(youth, CultureInfo.InvariantCulture)), new LocalDate(2015, 6, 1)), id, TestRegion.ReporterOf(id), ReportingCriterion.SeriousUpbringingProblems)
            .WithIdempotencyKey(key);
    }
}
