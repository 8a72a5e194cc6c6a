using System.Collections.Generic;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>Everything one replay of the workload measured, with <see cref="Clients"/> concurrent clients.</summary>
internal sealed record ClientRun
{
    public required int Clients { get; init; }

    public required long Registered { get; init; }

    public required long Renewed { get; init; }

    /// <summary>Refused registrations by the index's reason (for a replay: youths over the age limit, for example).</summary>
    public required IReadOnlyDictionary<string, long> Refused { get; init; }

    public required long SameYouthMatches { get; init; }

    public required long FamilyMatches { get; init; }

    public required long ArchivedMatches { get; init; }

    public required long FamilyUpdates { get; init; }

    public required long ExpiredToArchive { get; init; }

    public required long RemovedAtAgeLimit { get; init; }

    public required long DeletedFromArchive { get; init; }

    public required int ActiveAtEnd { get; init; }

    public required int ArchivedAtEnd { get; init; }

    /// <summary>Wall-clock seconds spent registering (with the family updates they need), daily jobs excluded.</summary>
    public required double RegistrationSeconds { get; init; }

    /// <summary>Wall-clock seconds of the daily expiry jobs.</summary>
    public required double ExpirySeconds { get; init; }

    /// <summary>Registrations per second of <see cref="RegistrationSeconds"/>.</summary>
    public required double Throughput { get; init; }

    public required IReadOnlyList<LatencySummary> Latencies { get; init; }

    public required IReadOnlyList<LatencyPoint> LatencyOverRun { get; init; }

    public required IReadOnlyList<YearCounts> Years { get; init; }

    /// <summary>Managed heap the index (and its store's caches) held at the end, measured after a full collection.</summary>
    public required long IndexHeapBytes { get; init; }

    /// <summary>The process's peak working set so far (the operating system's number, all of the tool included).</summary>
    public required long PeakWorkingSetBytes { get; init; }

    public required long? StoreBytes { get; init; }

    /// <summary>Seconds to open the store again and rebuild the index from it; null in memory.</summary>
    public double? RebuildSeconds { get; init; }

    /// <summary>Whether the rebuilt index held the same active and archived signals; null in memory.</summary>
    public bool? RebuildMatches { get; init; }

    public long TotalMatches => SameYouthMatches + FamilyMatches + ArchivedMatches;
}
