using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
            var data = new Dictionary<string, object> { ["day"] = run.Day.ToString(), ["failedJobs"] = string.Join(", ", run.FailedJobs) };
            return Task.FromResult(HealthCheckResult.Degraded($"The daily jobs of {run.Day} did not all succeed: {string.Join(", ", run.FailedJobs)} (see the log).", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("The host runs."));
    }
}
