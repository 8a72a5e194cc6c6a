using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Runs <see cref="CareCoordinationDailyJobs"/> once a day at the configured time, on the host's <see cref="IClock"/>
/// through the <see cref="IJobTimer"/>. Each run is scheduled from the previous one, not from the time the previous one
/// ended, so a host that was suspended across several days runs each missed day once, in order.
/// </summary>
internal sealed class DailyJobService(
    IServiceProvider provider,
    IJobTimer timer,
    IClock clock,
    IOptions<CareCoordinationHostingOptions> options,
    HostingState state,
    ILogger<DailyJobService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DailyJobs.Enabled)
        {
            return base.StartAsync(cancellationToken);
        }

        HostingLog.DailyJobsDisabled(logger);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Resolved here, not in the constructor: the host builds its hosted services before it validates the options
            // and before the rebuild's StartingAsync, and the jobs depend on the index.
            // A standby waits for its takeover and rebuild; any other instance has rebuilt before this starts.
            await state.Rebuilt.WaitAsync(stoppingToken).ConfigureAwait(false);
            var jobs = provider.GetRequiredService<CareCoordinationDailyJobs>();
            var due = jobs.NextRunAfter(clock.GetCurrentInstant());
            while (true)
            {
                var day = jobs.DayOf(due);
                HostingLog.DailyJobsScheduled(logger, due, day);
                await timer.WaitUntilAsync(due, stoppingToken).ConfigureAwait(false);
                jobs.Run(day);
                due = jobs.NextRunAfter(due);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
#pragma warning disable CA1031 // The jobs catch their own failures; what reaches here is the timer's, reported by the live check rather than stopping the host.
        catch (Exception error)
#pragma warning restore CA1031
        {
            state.MarkJobsStopped(error);
            HostingLog.DailyJobsStopped(logger, error);
        }
    }
}
