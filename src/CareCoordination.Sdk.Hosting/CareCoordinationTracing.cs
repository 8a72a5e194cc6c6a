using CareCoordination.Sdk.Telemetry;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// The names a host gives its telemetry pipeline to collect CareCoordination.Sdk's spans and metrics. With
/// OpenTelemetry: <c>.WithTracing(t =&gt; t.AddSource(CareCoordinationTracing.ActivitySourceName))</c> and
/// <c>.WithMetrics(m =&gt; m.AddMeter(CareCoordinationTracing.MeterName))</c>; the SDK itself does not depend on
/// OpenTelemetry. No span, tag or metric carries a BSN, a name or a date of birth.
/// </summary>
public static class CareCoordinationTracing
{
    /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>, the same as the meter's.</summary>
    public const string ActivitySourceName = "CareCoordination.Sdk";

    /// <summary>The name of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = CareCoordinationTelemetry.MeterName;

    /// <summary>The span of the rebuild at start: the index and the other areas loading from the store.</summary>
    public const string RebuildActivity = "carecoordination.rebuild";

    /// <summary>The span of one daily job, tagged with <see cref="JobTag"/>.</summary>
    public const string DailyJobActivity = "carecoordination.daily_job";

    /// <summary>The tag naming the daily job (<see cref="CareCoordinationDailyJobs.ExpiryJob"/>, ...).</summary>
    public const string JobTag = "carecoordination.job";
}
