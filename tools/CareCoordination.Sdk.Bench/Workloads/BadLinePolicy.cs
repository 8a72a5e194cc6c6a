namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>What a replay does with a line of the CSV export that fails a check.</summary>
internal enum BadLinePolicy
{
    /// <summary>Report the line and stop before anything is replayed.</summary>
    Stop,

    /// <summary>Report the line, leave it out, and replay the rest.</summary>
    Skip,
}
