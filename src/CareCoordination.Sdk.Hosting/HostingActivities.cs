using System.Diagnostics;

namespace CareCoordination.Sdk.Hosting;

/// <summary>The hosting package's spans, under the SDK's one source name, so that one <c>AddSource</c> collects them all.</summary>
internal static class HostingActivities
{
    public static readonly ActivitySource Source = new(CareCoordinationTracing.ActivitySourceName);
}
