using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.PostgreSql;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Rebuilds the reference index and every other area from the store while the host is starting — in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service starts, a web server included — so
/// that no request reaches an index that is still loading and the ready check turns healthy only when it is done.
/// A rebuild that fails stops the host.
/// </summary>
/// <remarks>
/// A standby (<see cref="CareCoordinationStoreOptions.Standby"/>) does not hold the host's start: it waits for the
/// store's writer lock in the background, so that its web server and live check run meanwhile, and rebuilds once it
/// takes over. A failure then stops the application, as a failed rebuild at start stops the host.
/// </remarks>
internal sealed class IndexStartupService(
    IServiceProvider provider,
    HostingState state,
    IOptions<CareCoordinationHostingOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<IndexStartupService> logger) : IHostedLifecycleService
{
    private Task _standby = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var store = options.Value.Store;
        if (store.Standby && store.Kind is CareCoordinationStoreKind.Sqlite or CareCoordinationStoreKind.PostgreSql)
        {
            _standby = WaitAsStandbyAsync(store, lifetime.ApplicationStopping);
            return Task.CompletedTask;
        }

        Rebuild();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await _standby.WaitAsync(cancellationToken).ConfigureAwait(false);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WaitAsStandbyAsync(CareCoordinationStoreOptions store, CancellationToken stopping)
    {
        var waiting = Stopwatch.GetTimestamp();
        state.MarkWaitingAsStandby(true);
        HostingLog.StandbyWaiting(logger, store.Kind);
        try
        {
            await provider.GetRequiredService<StandbyStore>().OpenAsync(store, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host stopped while this instance was still a standby.
            return;
        }
#pragma warning disable CA1031 // A standby that cannot take over stops the application, as a failed rebuild at start stops the host; it is logged first.
        catch (Exception error)
        {
            HostingLog.RebuildFailed(logger, error);
            lifetime.StopApplication();
            return;
        }

        HostingLog.StandbyTookOver(logger, store.Kind, (long)Stopwatch.GetElapsedTime(waiting).TotalSeconds);
        state.MarkWaitingAsStandby(false);
        try
        {
            Rebuild();
        }
        catch (Exception)
        {
            // Rebuild logged it.
            lifetime.StopApplication();
        }
#pragma warning restore CA1031
    }

    private void Rebuild()
    {
        using var activity = HostingActivities.Source.StartActivity(CareCoordinationTracing.RebuildActivity);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var index = provider.GetRequiredService<ReferenceIndex>();

            // The person data access depends on every other area (desk, plans, consents, obligations, audit trail), so
            // resolving it rebuilds each of them from its streams now rather than at the first request.
            provider.GetRequiredService<PersonDataAccess>();
            ReportQuarantined(provider.GetService<ISignalStore>());
            state.MarkRebuilt();
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            HostingLog.IndexRebuilt(logger, index.ActiveSignalCount, index.ArchivedSignalCount, elapsed);

            // Unset in the settings, the scheme is the store's or this processor's; an operator setting up a standby needs it.
            if (provider.GetService<Privacy.YouthPseudonymiser>() is { } pseudonymiser)
            {
                HostingLog.KeyedByPseudonym(logger, pseudonymiser.Scheme);
            }
        }
        catch (Exception error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            HostingLog.RebuildFailed(logger, error);
            throw;
        }
    }

    /// <summary>Logs and counts every damaged row the store left out while the areas were rebuilt from it.</summary>
    private void ReportQuarantined(ISignalStore? store)
    {
        var quarantined = store switch
        {
            SqliteSignalStore sqlite => sqlite.QuarantinedRows,
            PostgreSqlSignalStore postgres => postgres.QuarantinedRows,
            _ => [],
        };
        foreach (var row in quarantined)
        {
            HostingLog.RowQuarantined(logger, row.Table, row.RowKey, row.Problem);
        }

        if (quarantined.Count > 0)
        {
            HostingMetrics.RowsQuarantined.Add(quarantined.Count);
        }

        state.QuarantinedRows = quarantined.Count;
    }
}
