using System;

namespace CareCoordination.Sdk.Sqlite;

/// <summary>How a <see cref="SqliteSignalStore"/> treats its file.</summary>
public sealed class SqliteStoreOptions
{
    private TimeSpan _busyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets how long an operation waits while another program (a backup, the sqlite3 shell) holds the file locked,
    /// before it fails with <see cref="Storage.StoreUnavailableException"/>, having written nothing.
    /// </summary>
    /// <value>The default is five seconds. SQLite's driver counts it in whole seconds, so a part of a second is rounded up.</value>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is not positive or longer than an hour.</exception>
    public TimeSpan BusyTimeout
    {
        get => _busyTimeout;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(BusyTimeout));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromHours(1), nameof(BusyTimeout));
            _busyTimeout = value;
        }
    }

    /// <summary>
    /// Gets what <see cref="SqliteSignalStore.Load"/> does with a damaged row: stop the start with
    /// <see cref="Storage.CorruptStoredDataException"/>, or skip it and report it in
    /// <see cref="SqliteSignalStore.QuarantinedRows"/>.
    /// </summary>
    /// <value>The default is <see cref="Storage.CorruptRowHandling.Stop"/>.</value>
    public Storage.CorruptRowHandling CorruptRows { get; init; }
}
