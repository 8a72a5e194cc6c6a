namespace CareCoordination.Sdk.Bench.Running;

/// <summary>Registration latency in one stretch of the simulated run, in microseconds.</summary>
/// <param name="Day">The first simulated day of the stretch.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
internal sealed record LatencyPoint(int Day, double P50, double P95, double P99);
