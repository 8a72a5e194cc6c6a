using System.Diagnostics;

namespace CareCoordination.Sdk.Telemetry;

/// <summary>The SDK's one <see cref="ActivitySource"/>; with no listener, starting an activity returns <see langword="null"/> and costs a flag check.</summary>
internal static class CareCoordinationActivities
{
    public static readonly ActivitySource Source = new(CareCoordinationTelemetry.ActivitySourceName);
}
