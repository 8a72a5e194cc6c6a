using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// Runs the store writer in its own process, kills it with SIGKILL at a random moment, reopens the store and checks
/// that every registration the writer acknowledged is there, that no signal was half-written, and that a client
/// retrying with the same idempotency key — the registrations in flight when the writer died, and acknowledged ones —
/// gets the first answer and never a second signal.
/// </summary>
public static class StoreKillTest
{
    public static void Run(int runs, Func<string, string[]> writerArguments, Func<ISignalStore> openStore, Func<ISignalStore, SignalId, IReadOnlyList<StoredEvent>> readEvents, Action<ISignalStore> closeStore)
    {
        var random = new Random(2026);
        var acknowledged = new Dictionary<long, (int Youth, int Organisation)>();
        for (var run = 0; run < runs; run++)
        {
            var (acks, inFlight) = RunWriterUntilKilled(writerArguments(run.ToString(System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromMilliseconds(random.Next(50, 700)));
            foreach (var ack in acks)
            {
                acknowledged[ack.Id] = (ack.Youth, ack.Organisation);
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

                Retry(index, run, acks, inFlight);
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

    /// <summary>Retries the registrations in flight and the last acknowledged ones with their keys, as a vendor client would after a timeout.</summary>
    private static void Retry(ReferenceIndex index, int run, List<Ack> acks, List<Ack> inFlight)
    {
        var signals = index.ActiveSignalCount;
        foreach (var ack in acks.TakeLast(20))
        {
            var retry = index.Register(Registration(ack));
            if (retry.IsRefused || retry.Signal.Id.Value != ack.Id || retry.Outcome.ToString() != ack.Outcome)
            {
                throw new Xunit.Sdk.XunitException($"run {run}: retrying key {ack.Key} answered {retry.Outcome} {retry.Signal.Id} instead of {ack.Outcome} signal-{ack.Id}");
            }
        }

        if (index.ActiveSignalCount != signals)
        {
            throw new Xunit.Sdk.XunitException($"run {run}: retrying acknowledged registrations changed the number of active signals");
        }

        foreach (var pending in inFlight)
        {
            index.Register(Registration(pending)).ThrowIfRefused();
            var again = index.Register(Registration(pending));
            var own = index.GetActiveSignals(Bsn.FromNumber(pending.Youth)).Count(s => s.Organisation.Value == pending.Organisation);
            if (again.IsRefused || own != 1)
            {
                throw new Xunit.Sdk.XunitException($"run {run}: the registration in flight ({pending.Key}) left {own} signals of its organisation on the youth after two retries");
            }
        }
    }

    private static SignalRegistration Registration(Ack ack) =>
        new SignalRegistration(new Youth(Bsn.FromNumber(ack.Youth), new LocalDate(2015, 6, 1)), new Sdk.Organisations.OrganisationId(ack.Organisation), TestRegion.ReporterOf(new Sdk.Organisations.OrganisationId(ack.Organisation)), ReportingCriterion.SeriousUpbringingProblems)
            .WithIdempotencyKey(ack.Key);

    private static (List<Ack> Acks, List<Ack> InFlight) RunWriterUntilKilled(string[] arguments, TimeSpan runFor)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(StoreWriterProcess.Locate());
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
        var parts = lines.Select(l => l.Split(' ')).ToList();
        var acks = parts
            .Where(p => p.Length == 6 && p[0] == "ack")
            .Select(p => new Ack(Number(p[1]), (int)Number(p[2]), (int)Number(p[3]), p[4], p[5]))
            .ToList();
        // With several writer threads, every key tried and not acknowledged was in flight when the writer died.
        var answered = acks.Select(a => a.Key).ToHashSet();
        var inFlight = parts
            .Where(p => p.Length == 4 && p[0] == "try" && !answered.Contains(p[3]))
            .Select(p => new Ack(0, (int)Number(p[1]), (int)Number(p[2]), p[3], string.Empty))
            .ToList();
        return (acks, inFlight);
    }

    private static long Number(string text) => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private readonly record struct Ack(long Id, int Youth, int Organisation, string Key, string Outcome);
}
