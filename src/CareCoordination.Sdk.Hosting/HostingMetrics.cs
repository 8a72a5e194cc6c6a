using System.Diagnostics.Metrics;

namespace CareCoordination.Sdk.Hosting;

/// <summary>The hosting package's instruments, under the SDK's one meter name, so that one <c>AddMeter</c> collects them all.</summary>
internal static class HostingMetrics
{
    private static readonly Meter Meter = new(CareCoordinationTracing.MeterName);

    /// <summary>The damaged stored rows a rebuild left out.</summary>
    public static readonly Counter<long> RowsQuarantined = Meter.CreateCounter<long>("carecoordination.store.rows_quarantined", unit: "{row}", description: "Damaged stored rows the rebuild at start left out (CorruptRows is Quarantine).");
}
