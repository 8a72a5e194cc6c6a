using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime.Text;

namespace CareCoordination.Sdk.Hosting;

/// <summary>Live: the process runs its daily jobs. Unhealthy when their loop stopped (restart the process), degraded when a job failed on its last run.</summary>
internal sealed class LiveHealthCheck(HostingState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.JobsStopped is { } error)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The daily jobs stopped; restart the process.", error));
        }

        if (state.LastRun is { Succeeded: false } run)
        {
            var day = LocalDatePattern.Iso.Format(run.Day);
            var failed = string.Join(", ", run.FailedJobs);
            var data = new Dictionary<string, object> { ["day"] = day, ["failedJobs"] = failed };
            return Task.FromResult(HealthCheckResult.Degraded($"The daily jobs of {day} did not all succeed: {failed} (see the log).", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("The host runs."));
    }
}
