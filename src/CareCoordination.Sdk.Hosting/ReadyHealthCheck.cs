using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Ready: the index is rebuilt and the store answers. For a SQLite store the file is probed too, through a connection
/// of its own: the store's open connection keeps writing to a file that was deleted or replaced underneath it, and
/// those writes would be gone at the next start.
/// </summary>
internal sealed class ReadyHealthCheck(IServiceProvider provider, HostingState state, IOptions<CareCoordinationHostingOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.IsWaitingAsStandby)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Standby: waiting for the store's writer lock, held by the active instance."));
        }

        if (!state.IsRebuilt)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The reference index is rebuilding from its store."));
        }

        try
        {
            // A read of one row through the store's own connection: it fails when the server or the file is gone.
            provider.GetService<ISignalStore>()?.ReadYouthKeying();
        }
#pragma warning disable CA1031 // Whatever the store throws means it does not answer; the check reports it instead of failing.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The store does not answer.", error));
        }

        var store = options.Value.Store;
        if (store.Kind == CareCoordinationStoreKind.Sqlite && ProbeSqliteFile(store.Path!, options.Value.SectionPath) is { } problem)
        {
            return Task.FromResult(problem);
        }

        if (state.QuarantinedRows > 0)
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"The index is rebuilt without {state.QuarantinedRows} damaged stored rows (the log names them, event 13); repair the store and restart."));
        }

        return Task.FromResult(HealthCheckResult.Healthy("The index is rebuilt and the store answers."));
    }

    private static HealthCheckResult? ProbeSqliteFile(string path, string sectionPath)
    {
        var setting = $"{sectionPath}:{HostingConfiguration.StoreSection}:{nameof(CareCoordinationStoreOptions.Path)}";
        if (!File.Exists(path))
        {
            return HealthCheckResult.Unhealthy($"The SQLite file named by {setting} is gone; what the store writes now is lost at the next start.");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master";
            command.ExecuteScalar();
            return null;
        }
        catch (SqliteException error)
        {
            return HealthCheckResult.Unhealthy($"The SQLite file named by {setting} cannot be read as a database.", error);
        }
    }
}
