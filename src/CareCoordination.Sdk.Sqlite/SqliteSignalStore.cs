using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Sqlite;

/// <summary>
/// The embedded default store (<see cref="ISignalStore"/>): one SQLite file in write-ahead-log mode with full
/// synchronisation, so that a commit that returned survives a crash of the process, and secure delete, so that an
/// erased signal's bytes are overwritten rather than left in free pages. One store writes to one file: while it is
/// open, it holds an exclusive lock on a file beside the database (the database's path with <c>.lock</c> added), and
/// a second store on the same file, in this process or another, is refused with <see cref="StoreInUseException"/>, or
/// waits for it as a standby (<see cref="OpenAsStandbyAsync"/>).
/// </summary>
/// <remarks>
/// Thread-safe: one lock serialises the index's writes and the audit trail's appends on the one connection. It is also
/// the audit trail's durable sink (<see cref="IAuditSink"/>) and keeps the streams of cases, plans and consents
/// (<see cref="IEventStreamStore"/>). Dispose it after everything that writes to it. When another program holds the file
/// locked longer than <see cref="SqliteStoreOptions.BusyTimeout"/>, an operation fails with
/// <see cref="StoreUnavailableException"/> and leaves the file as it was; it may be tried again.
/// </remarks>
public sealed partial class SqliteSignalStore : ICareCoordinationStore, ISignalEventReader, IDisposable
{
    /// <summary>The schema version this version of the SDK creates and reads.</summary>
    public const int SchemaVersion = SqliteSchema.Version;

    private const string StoreKind = "SQLite file";

    private readonly System.Threading.Lock _gate = new();
    private readonly string _fullPath;
    private readonly FileStream _writerLock;
    private readonly SqliteConnection _connection;
    private readonly SqliteChangeWriter _writer;
    private readonly CorruptRowHandling _corruptRows;

    /// <summary>Opens the store in a file, creating the file and its schema when they do not exist yet.</summary>
    /// <param name="path">The database file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="StoreInUseException">Another store, in this process or another, already writes to the file.</exception>
    /// <exception cref="StoreUnavailableException">Another program held the file locked longer than the busy timeout.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The file was written by a newer version of the SDK.</exception>
    public SqliteSignalStore(string path)
        : this(path, new SqliteStoreOptions())
    {
    }

    /// <summary>Opens the store in a file with options, creating the file and its schema when they do not exist yet.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">How to treat the file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="StoreInUseException">Another store, in this process or another, already writes to the file.</exception>
    /// <exception cref="StoreUnavailableException">Another program held the file locked longer than the busy timeout.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The file was written by a newer version of the SDK.</exception>
    public SqliteSignalStore(string path, SqliteStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        _fullPath = Path.GetFullPath(path);
        _corruptRows = options.CorruptRows;

        // The lock comes first, so that a refused store has not touched the file, its schema or its log.
        _writerLock = TakeWriterLock(path);

        // The driver retries a busy file until the command timeout, in whole seconds; SQLite's own busy handler waits
        // as long, so a file another program keeps locked ends the wait there rather than hanging.
        var seconds = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = seconds }.ToString());
        try
        {
            Run(() =>
            {
                _connection.Open();
                Execute(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}"));
                Execute("PRAGMA journal_mode = WAL");
                Execute("PRAGMA synchronous = FULL");
                Execute("PRAGMA secure_delete = ON");
                SqliteSchema.Migrate(_connection);
                return true;
            });
            _writer = new SqliteChangeWriter(_connection, _fullPath);
        }
        catch
        {
            _connection.Dispose();
            _writerLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the store as a standby: while another store, in this process or another, writes to the file, waits
    /// without holding the writer lock, trying to take it once every <see cref="StandbyOptions.PollInterval"/>; when
    /// that store is disposed or its process dies (even by kill -9, which releases the lock file), takes the lock and
    /// returns the open store. The caller then builds its index from the store (<c>new ReferenceIndex(…, store)</c>
    /// rebuilds it) and serves.
    /// </summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">How to treat the file, or <see langword="null"/> for the defaults.</param>
    /// <param name="standby">How to wait, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The store, holding the writer lock.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The file was written by a newer version of the SDK.</exception>
    public static async Task<SqliteSignalStore> OpenAsStandbyAsync(string path, SqliteStoreOptions? options, StandbyOptions? standby, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var interval = (standby ?? new StandbyOptions()).PollInterval;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new SqliteSignalStore(path, options ?? new SqliteStoreOptions());
            }
            catch (Exception e) when (e is StoreInUseException or StoreUnavailableException)
            {
                // Another store writes, or another program holds the file: a standby waits through both.
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gets the rows the last <see cref="Load"/> skipped under <see cref="CorruptRowHandling.Quarantine"/>; empty otherwise.</summary>
    public IReadOnlyList<QuarantinedRow> QuarantinedRows { get; private set; } = [];

    /// <inheritdoc/>
    /// <exception cref="CorruptStoredDataException">A row is damaged (an undefined enum value, a number out of range, a second active signal of one organisation for one youth, an event naming a missing signal, unreadable JSON) and <see cref="SqliteStoreOptions.CorruptRows"/> is <see cref="CorruptRowHandling.Stop"/>; or SQLite reports the file itself damaged.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">A row was written by a newer version of the SDK.</exception>
    public void Load(IStoredIndexSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Run(() =>
        {
            var validator = new StoredRowValidator(_corruptRows);
            SqliteLoader.Load(_connection, null, sink, validator);
            QuarantinedRows = validator.Quarantined;
        });
    }

    /// <inheritdoc/>
    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    /// <inheritdoc/>
    public void Commit(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Run(() =>
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            var erased = _writer.Write(changes, transaction);
            transaction.Commit();

            // secure_delete zeroes erased rows in the database file, but the write-ahead log still holds the frames that
            // wrote them; truncating the log after an erasure, a family change or a replaced stream leaves no copy of a
            // removed person's number on disk.
            if (erased)
            {
                Checkpoint();
            }
        });
    }

    /// <inheritdoc/>
    public void SaveFamily(StoredFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        Commit(new ChangeSet().Add(new FamilyChange(family.Id, family)));
    }

    /// <inheritdoc/>
    public void RemoveFamily(FamilyId family) => Commit(new ChangeSet().Add(new FamilyChange(family, null)));

    /// <summary>Reads the stored events about one signal, in order, for auditors and tests.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<StoredEvent> ReadEvents(SignalId signal)
    {
        return Run(() =>
        {
            using var command = Command("SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload FROM events WHERE signal_id = $id OR other_signal_id = $id ORDER BY sequence");
            command.Parameters.AddWithValue("$id", signal.Value);
            using var reader = command.ExecuteReader();
            return StoredEventRows.ReadAll(reader);
        });
    }

    /// <summary>Writes the write-ahead log back into the database file and truncates the log.</summary>
    public void Checkpoint()
    {
        Run(() =>
        {
            Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        });
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
            _connection.Dispose();

            // Released last, so that the next store opens a file no connection of this one still writes to.
            _writerLock.Dispose();
        }
    }

    /// <inheritdoc/>
    public string? ReadYouthKeying()
    {
        return Run(() =>
        {
            using var command = Command("SELECT value FROM store_settings WHERE name = 'youth_keying'");
            return command.ExecuteScalar() as string;
        });
    }

    /// <inheritdoc/>
    public void WriteYouthKeying(string keying)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keying);
        Run(() =>
        {
            using var command = Command("INSERT INTO store_settings (name, value) VALUES ('youth_keying', $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
            command.Parameters.AddWithValue("$value", keying);
            command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public StoredAuditTrail LoadAuditTrail()
    {
        return Run(() =>
        {
            string genesis = AuditRecord.GenesisHash;
            long genesisSequence = 0;
            using (var start = Command("SELECT hash, sequence FROM audit_genesis"))
            using (var reader = start.ExecuteReader())
            {
                if (reader.Read())
                {
                    genesis = reader.GetString(0);
                    genesisSequence = reader.GetInt64(1);
                }
            }

            using var command = Command("SELECT " + StoredAuditRows.Columns + " FROM audit_records ORDER BY sequence");
            using var rows = command.ExecuteReader();
            var records = StoredAuditRows.ReadAll(rows);
            return new StoredAuditTrail(genesis, genesisSequence, records);
        });
    }

    /// <inheritdoc/>
    public void AppendAudit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Commit(new ChangeSet().Add(record));
    }

    /// <inheritdoc/>
    public void PurgeAudit(long throughSequence, string genesis)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(genesis);
        Run(() =>
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            using (var delete = Command("DELETE FROM audit_records WHERE sequence <= $through", transaction))
            {
                delete.Parameters.AddWithValue("$through", throughSequence);
                delete.ExecuteNonQuery();
            }

            using (var clear = Command("DELETE FROM audit_genesis", transaction))
            {
                clear.ExecuteNonQuery();
            }

            using (var insert = Command("INSERT INTO audit_genesis (hash, sequence) VALUES ($hash, $sequence)", transaction))
            {
                insert.Parameters.AddWithValue("$hash", genesis);
                insert.Parameters.AddWithValue("$sequence", throughSequence);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredHistory> ReadStreams(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return Run(() =>
        {
            using var command = Command("SELECT stream, type, schema_version, at_ticks, payload, version FROM stream_events WHERE kind = $kind ORDER BY stream, version");
            command.Parameters.AddWithValue("$kind", kind);
            using var reader = command.ExecuteReader();
            return StoredStreamRows.ReadAll(kind, reader);
        });
    }

    /// <inheritdoc/>
    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(events);
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, expectedVersion, events)));
    }

    /// <inheritdoc/>
    public void EraseStream(string kind, string stream, StreamEvent tombstone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(tombstone);
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, null, [tombstone])));
    }

    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection held the file longer than the busy timeout.
    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6;

    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): the file's pages or header are damaged. A damaged schema format number
    // in the header (bytes 44–47) comes back as a plain SQLITE_ERROR naming an unsupported file format.
    private static bool IsDamaged(SqliteException e) =>
        e.SqliteErrorCode is 11 or 26 || (e.SqliteErrorCode == 1 && e.Message.Contains("unsupported file format", StringComparison.Ordinal));

    /// <summary>Runs one operation under the store's lock; a file that stayed locked becomes <see cref="StoreUnavailableException"/>.</summary>
    private T Run<T>(Func<T> operation)
    {
        lock (_gate)
        {
            try
            {
                return operation();
            }
            catch (SqliteException e) when (IsBusy(e))
            {
                throw new StoreUnavailableException(StoreKind, _fullPath, "another program keeps the file locked", e);
            }
            catch (SqliteException e) when (IsDamaged(e))
            {
                throw new CorruptStoredDataException(new QuarantinedRow("(file)", Path.GetFileName(_fullPath), "SQLite reports the file damaged or not a database"), e);
            }
        }
    }

    private void Run(Action operation) => Run(() =>
    {
        operation();
        return true;
    });

    // SQLite's own locks are taken per transaction and let a second connection write between two of ours; the store
    // needs one writer for its lifetime, because the index counts signal identifiers in memory. A lock file held open
    // with FileShare.None is refused to any other opener: Windows enforces the share mode, and .NET on Unix takes
    // flock(LOCK_EX), which the kernel drops when the process ends, even by SIGKILL, so a crashed writer never leaves the
    // file locked. The lock file stays after disposal: deleting it would let a waiting opener lock the deleted file
    // while a third creates a new one.
    private static FileStream TakeWriterLock(string path)
    {
        // Beside the file itself, not beside a symbolic link to it or to a folder on its way: two paths to one file take
        // one lock. (A hard link is another name of the same file, which no path can tell; docs/security.md says so.)
        var lockPath = Resolved(Path.GetFullPath(path)) + ".lock";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            throw new StoreInUseException("SQLite file", Path.GetFullPath(path), e);
        }
    }

    // The path with every symbolic link on it followed, as far as the path exists.
    private static string Resolved(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.Exists && entry.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = target.FullName;
            }
        }

        return current;
    }

    // Windows reports a sharing or lock violation; .NET on Unix reports the errno of the refused flock, EWOULDBLOCK
    // (11 on Linux, 35 on macOS and the BSDs). Any other failure (a missing directory, a read-only disk) keeps its own
    // exception rather than being mistaken for another writer.
    private static bool IsHeldElsewhere(IOException e) =>
        e.GetType() == typeof(IOException) && e.HResult is unchecked((int)0x80070020) or unchecked((int)0x80070021) or 11 or 35;

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
