using System;
using System.Diagnostics;
using BenchmarkDotNet.Running;
using CareCoordination.Sdk.Benchmarks;

if (args.Length > 0 && args[0] == "--footprint")
{
    // Bytes per active signal: what the index's own structures hold, and what the managed heap grew by.
    var signals = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
    var data = new IndexData(signals);
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var watch = Stopwatch.StartNew();
    var index = data.LoadIndex();
    watch.Stop();
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"active signals: {index.ActiveSignalCount:N0} on {index.SignalledYouthCount:N0} youths, loaded in {watch.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"index structures: {index.MeasureAllocatedBytes() / (double)index.ActiveSignalCount:F1} bytes per active signal");
    Console.WriteLine($"managed heap growth: {(after - before) / (double)index.ActiveSignalCount:F1} bytes per active signal");
    GC.KeepAlive(index);
    return;
}

if (args.Length > 0 && args[0] == "--family-footprint")
{
    FamilyFootprint.Run(args);
    return;
}

if (args.Length > 0 && args[0] is "--replay-allocations" or "--replay")
{
    // Where the replay allocates, by phase; sizes as youths and registrations, e.g. --replay-allocations 200000 400000,
    // then 'presized' to reserve the index's tables first (ReferenceIndex.EnsureCapacity) and 'pseudonymised' to key
    // youths by a YouthPseudonymiser's pseudonym instead of the BSN, under the scheme named after it (FeistelTables, Ff1
    // or FeistelAes; the default scheme without one). --replay runs the same without the probe, for a
    // quick time of one run or a profile that sees only the index; 'tuned' replays the tuned layout instead of the SDK.
    var probed = args[0] == "--replay-allocations";
    var youths = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
    var registrations = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2 * youths;
    var workload = CareCoordination.Sdk.Benchmarks.Replay.ReplayWorkload.Generate(youths, registrations);
    var allocations = probed ? new CareCoordination.Sdk.Benchmarks.Replay.ReplayAllocations() : null;
    var options = args.AsSpan(Math.Min(args.Length, 3));
    var pseudonymiser = options.Contains("pseudonymised") ? ReplayBenchmarks.Pseudonymiser(SchemeOf(options)) : null;
    var tuned = options.Contains("tuned");
    if (tuned && (probed || pseudonymiser is not null || options.Contains("presized")))
    {
        Console.Error.WriteLine("'tuned' runs with --replay alone: the tuned layout has no allocation probe, is always reserved and is keyed by BSN.");
        Environment.ExitCode = 2;
        return;
    }

    using CareCoordination.Sdk.Benchmarks.Replay.ReplayTarget replay = tuned
        ? new CareCoordination.Sdk.Benchmarks.Baselines.TunedReplayIndex(workload)
        : new CareCoordination.Sdk.Benchmarks.Replay.SdkReplay(workload, allocations, presized: options.Contains("presized"), pseudonymiser);
    var counts = replay.Run();
    allocations?.Write(Console.Out, counts.Registrations);
    Console.WriteLine(tuned ? "the tuned layout, keyed by BSN" : $"keyed {(pseudonymiser is null ? "by BSN" : "by pseudonym, " + pseudonymiser.Scheme)}");
    Console.WriteLine($"time ({(probed ? "with the probe, " : "")}one run; BenchmarkDotNet's ReplayBenchmarks is the figure): registrations {counts.RegistrationNanosecondsEach:F0} ns each, daily job {counts.JobMicrosecondsPerDay:F0} us a night");
    return;
}

if (args.Length > 0 && args[0] == "--load")
{
    LoadBenchmark.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "--service-load")
{
    ServiceLoadBenchmark.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(IndexData).Assembly).Run(args);

static CareCoordination.Sdk.Privacy.PseudonymisationScheme? SchemeOf(ReadOnlySpan<string> options)
{
    foreach (var option in options)
    {
        if (Enum.TryParse<CareCoordination.Sdk.Privacy.PseudonymisationScheme>(option, out var scheme))
        {
            return scheme;
        }
    }

    return null;
}
