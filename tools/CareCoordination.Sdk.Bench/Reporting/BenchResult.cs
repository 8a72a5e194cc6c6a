using System.Collections.Generic;
using CareCoordination.Sdk.Bench.Running;

namespace CareCoordination.Sdk.Bench.Reporting;

/// <summary>One benchmark: the workload, the target, each client count's run, and what the region is expected to need.</summary>
internal sealed record BenchResult
{
    public required string Command { get; init; }

    public required MachineInfo Machine { get; init; }

    public required string Workload { get; init; }

    public required string Target { get; init; }

    public required int Youths { get; init; }

    public required double Years { get; init; }

    public required long Registrations { get; init; }

    public required string StartDate { get; init; }

    /// <summary>Seconds to generate or read the workload (not part of any measurement).</summary>
    public required double PreparationSeconds { get; init; }

    /// <summary>Bad CSV lines that were skipped.</summary>
    public required IReadOnlyList<string> SkippedLines { get; init; }

    public required IReadOnlyList<ClientRun> Runs { get; init; }

    /// <summary>Earlier results (by their JSON files) to draw beside this one in the size chart.</summary>
    public IReadOnlyList<SizePoint> Compared { get; init; } = [];
}
