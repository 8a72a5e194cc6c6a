using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// A load run rather than a BenchmarkDotNet job, because the question is throughput and latency under many concurrent
/// callers: durable registrations with 1, 8 and 64 callers on one store (each caller a thread registering its own
/// youths of the pool), and lookup latency of youths no writer touches while 64 writers run. Group commit lets
/// concurrent registrations share one transaction and one flush; a lookup never waits for another youth's flush.
/// Run: <c>dotnet run -c Release --project benchmarks/CareCoordination.Sdk.Benchmarks -- --load [seconds] [sqlite|postgres]</c>.
/// </summary>
internal static class LoadBenchmark
{
    private const int ActiveSignals = 100_000;

    public static void Run(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var kind = args.Length > 2 && args[2] == "postgres" ? StoreKind.PostgreSql : StoreKind.Sqlite;
        var data = new IndexData(ActiveSignals);
        var open = StoreFixture.Prepare(kind, data);
        var store = open();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, IndexData.CreateDirectory(), new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), store);
            var registrations = Array.ConvertAll(data.Pool, y => data.Registration(y, IndexData.NewOrganisation));
            Console.WriteLine($"store: {kind}, {ActiveSignals:N0} signals, {Environment.ProcessorCount} cores, {seconds} s a step");
            foreach (var callers in new[] { 1, 8, 64 })
            {
                var (rate, latencies) = Write(index, registrations, callers, TimeSpan.FromSeconds(seconds), null);
                Console.WriteLine($"{callers,3} callers: {rate,8:N0} registrations/s, latency p50 {Percentile(latencies, 0.50),7:F3} ms, p99 {Percentile(latencies, 0.99),7:F3} ms");
            }

            var (asyncRate, asyncLatencies) = WriteAsync(index, registrations, 64, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($" 64 async callers: {asyncRate,8:N0} registrations/s, latency p50 {Percentile(asyncLatencies, 0.50),7:F3} ms, p99 {Percentile(asyncLatencies, 0.99),7:F3} ms");

            var pool = data.Pool.ToHashSet();
            var quiet = data.Lookups.Where(y => !pool.Contains(y)).Select(y => data.Youths[y]).ToArray();
            var lookups = new List<double>();
            var (during, _) = Write(index, registrations, 64, TimeSpan.FromSeconds(seconds), () => Lookups(index, quiet, lookups));
            Console.WriteLine($"lookups of other youths while 64 writers ran ({during:N0} registrations/s): {lookups.Count:N0} lookups, p50 {Percentile(lookups, 0.50) * 1000,7:F2} us, p99 {Percentile(lookups, 0.99) * 1000,7:F2} us");
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>The in-process figure beside a service load run: <paramref name="callers"/> threads registering on the same kind of store, as <see cref="Run"/> measures it.</summary>
    public static OperationFigures InProcess(StoreKind kind, int callers, TimeSpan duration)
    {
        var data = new IndexData(ActiveSignals);
        var store = StoreFixture.Prepare(kind, data)();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, IndexData.CreateDirectory(), new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), store);
            var registrations = Array.ConvertAll(data.Pool, y => data.Registration(y, IndexData.NewOrganisation));
            var (rate, latencies) = Write(index, registrations, callers, duration, null);
            return OperationFigures.Of(latencies, duration) with { PerSecond = rate };
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private static (double Rate, List<double> Latencies) Write(ReferenceIndex index, SignalRegistration[] registrations, int callers, TimeSpan duration, Action? alongside)
    {
        var stop = 0;
        var perCaller = new List<double>[callers];
        var slice = registrations.Length / callers;
        using var start = new Barrier(callers + (alongside is null ? 1 : 2));
        var threads = Enumerable.Range(0, callers).Select(c => new Thread(() =>
        {
            var latencies = perCaller[c] = new List<double>(100_000);
            var mine = new ArraySegment<SignalRegistration>(registrations, c * slice, slice);
            start.SignalAndWait();
            for (var i = 0; Volatile.Read(ref stop) == 0; i++)
            {
                var began = Stopwatch.GetTimestamp();
                index.Register(mine[i % slice]);
                latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
        })).ToList();
        if (alongside is not null)
        {
            threads.Add(new Thread(() =>
            {
                start.SignalAndWait();
                while (Volatile.Read(ref stop) == 0)
                {
                    alongside();
                }
            }));
        }

        threads.ForEach(t => t.Start());
        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        Thread.Sleep(duration);
        Volatile.Write(ref stop, 1);
        threads.ForEach(t => t.Join());
        var all = perCaller.SelectMany(l => l).ToList();
        return (all.Count / watch.Elapsed.TotalSeconds, all);
    }

    /// <summary>
    /// Callers as a service has them: tasks awaiting <see cref="ReferenceIndex.RegisterAsync"/>, which hold no thread while
    /// their group commit flushes, instead of one blocked thread each.
    /// </summary>
    private static (double Rate, List<double> Latencies) WriteAsync(ReferenceIndex index, SignalRegistration[] registrations, int callers, TimeSpan duration)
    {
        var stop = 0;
        var perCaller = new List<double>[callers];
        var slice = registrations.Length / callers;
        var watch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var latencies = perCaller[c] = new List<double>(100_000);
            var mine = new ArraySegment<SignalRegistration>(registrations, c * slice, slice);
            for (var i = 0; Volatile.Read(ref stop) == 0; i++)
            {
                var began = Stopwatch.GetTimestamp();
                await index.RegisterAsync(mine[i % slice]).ConfigureAwait(false);
                latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
        })).ToArray();
        Thread.Sleep(duration);
        Volatile.Write(ref stop, 1);
        Task.WaitAll(tasks);
        var all = perCaller.SelectMany(l => l).ToList();
        return (all.Count / watch.Elapsed.TotalSeconds, all);
    }

    private static void Lookups(ReferenceIndex index, Bsn[] youths, List<double> latencies)
    {
        var destination = new Signal[8];
        for (var i = 0; i < 1024; i++)
        {
            var began = Stopwatch.GetTimestamp();
            index.GetActiveSignals(youths[(latencies.Count + i) % youths.Length], destination);
            latencies.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
    }
}
