using System;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.PostgreSql;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// The store of an instance configured as a standby (<see cref="CareCoordinationStoreOptions.Standby"/>): it is opened
/// in the background while the host runs, and handed out only once this instance holds the writer lock. The container
/// disposes it as the registered <see cref="ISignalStore"/>, which the rebuild resolves right after the takeover.
/// </summary>
internal sealed class StandbyStore
{
    private readonly TaskCompletionSource<ISignalStore> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits for the writer lock and opens the store; a failure or a cancelled wait is handed to whoever waits for the store.</summary>
    public async Task OpenAsync(CareCoordinationStoreOptions options, CancellationToken cancellationToken)
    {
        try
        {
            ISignalStore store;
            if (options.Kind == CareCoordinationStoreKind.Sqlite)
            {
                store = await SqliteSignalStore.OpenAsStandbyAsync(options.Path!, new SqliteStoreOptions { CorruptRows = options.CorruptRows }, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var postgres = await PostgreSqlSignalStore.OpenAsStandbyAsync(options.ConnectionString!, options.Schema, null, cancellationToken).ConfigureAwait(false);
                postgres.CorruptRows = options.CorruptRows;
                store = postgres;
            }
            _opened.TrySetResult(store);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _opened.TrySetCanceled(cancellationToken);
            throw;
        }
        catch (Exception error)
        {
            _opened.TrySetException(error);
            throw;
        }
    }

    /// <summary>Gets the store once it is open; before that, the caller waits (only the rebuild asks before the takeover, and it asks after it).</summary>
    public ISignalStore Get() => _opened.Task.GetAwaiter().GetResult();
}
