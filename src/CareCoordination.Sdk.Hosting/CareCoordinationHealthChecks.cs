namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// The names and tags of the health checks the hosting package registers. An ASP.NET Core host maps them with
/// <c>app.MapHealthChecks("/health/live", new() { Predicate = c =&gt; c.Tags.Contains(CareCoordinationHealthChecks.LiveTag) })</c>
/// and the same for <see cref="ReadyTag"/> at <c>/health/ready</c>.
/// </summary>
public static class CareCoordinationHealthChecks
{
    /// <summary>The tag of the checks that say whether the process should be restarted.</summary>
    public const string LiveTag = "live";

    /// <summary>The tag of the checks that say whether the host may receive requests.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The live check: unhealthy when the daily jobs stopped, degraded when a job failed on its last run.</summary>
    public const string LiveCheck = "carecoordination-live";

    /// <summary>The ready check: unhealthy until the index is rebuilt, and whenever the store does not answer or its file is unusable.</summary>
    public const string ReadyCheck = "carecoordination-ready";
}
