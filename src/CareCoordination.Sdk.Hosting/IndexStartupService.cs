using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Rebuilds the reference index and every other area from the store while the host is starting — in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service starts, a web server included — so
/// that no request reaches an index that is still loading and the ready check turns healthy only when it is done.
/// A rebuild that fails stops the host.
/// </summary>
internal sealed class IndexStartupService(IServiceProvider provider, HostingState state, ILogger<IndexStartupService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        using var activity = HostingActivities.Source.StartActivity(CareCoordinationTracing.RebuildActivity);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var index = provider.GetRequiredService<ReferenceIndex>();

            // The person data access depends on every other area (desk, plans, consents, obligations, audit trail), so
            // resolving it rebuilds each of them from its streams now rather than at the first request.
            provider.GetRequiredService<PersonDataAccess>();
            state.MarkRebuilt();
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            HostingLog.IndexRebuilt(logger, index.ActiveSignalCount, index.ArchivedSignalCount, elapsed);
        }
        catch (Exception error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            HostingLog.RebuildFailed(logger, error);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
