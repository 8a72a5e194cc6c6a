using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
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
using Npgsql;
using NpgsqlTypes;

namespace CareCoordination.Sdk.PostgreSql;

/// <summary>
/// The store for a region or the nation (<see cref="ISignalStore"/>) in PostgreSQL. It creates or migrates its schema
/// when opened, takes a session advisory lock so that only one reference index writes to the schema, and rebuilds the
/// index with one binary COPY.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: one lock serialises the index's writes and the audit trail's appends on the one session that holds the
/// writer lock, so every write happens under the lock. It is also the audit trail's durable sink
/// (<see cref="IAuditSink"/>) and keeps the streams of cases, plans and consents (<see cref="IEventStreamStore"/>).
/// Dispose it after everything that writes to it.
/// </para>
/// <para>
/// Outages: the store connects through an <see cref="NpgsqlDataSource"/>. When the server restarts, stops or drops the
/// connection, the operation under way fails with <see cref="StoreUnavailableException"/> and its transaction is rolled
/// back by the server; the next operation connects again and takes the writer lock again before it writes, so the
/// process need not restart. If another instance took the lock while the connection was down, this store steps down
/// for good: every later operation throws <see cref="StoreInUseException"/>, and the process reopens it as a standby
/// (<see cref="OpenAsStandbyAsync"/>).
/// </para>
/// </remarks>
public sealed partial class PostgreSqlSignalStore : ICareCoordinationStore, ISignalEventReader, IDisposable
{
    /// <summary>The schema version this version of the SDK creates and reads.</summary>
    public const int SchemaVersion = PostgreSqlSchema.Version;

    private const string StoreKind = "PostgreSQL schema";

    // NAMEDATALEN - 1 in a standard PostgreSQL build.
    private const int MaxNameBytes = 63;

    private readonly System.Threading.Lock _gate = new();

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly PostgreSqlChangeWriter _writer;
    private NpgsqlConnection? _connection;
    private bool _everLocked;
    private bool _steppedDown;
    private bool _disposed;

    /// <summary>Opens the store, creating or migrating its schema.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="schema">The PostgreSQL schema that holds the tables, so that several regions can share a server.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the schema name is not a plain identifier (lower-case letters, digits and <c>_</c>, not beginning with a digit), is a keyword the server reserves, or is longer than PostgreSQL keeps a name (63 bytes).</exception>
    /// <exception cref="StoreInUseException">Another reference index already writes to this schema.</exception>
    /// <exception cref="StoreUnavailableException">The server cannot be reached for the moment.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The schema was written by a newer version of the SDK.</exception>
    public PostgreSqlSignalStore(string connectionString, string schema = "carecoordination")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        RequirePlainName(schema);
        _schema = schema;

        // The store keeps one session, the one that holds the writer lock, and writes only through it; a pooled
        // connection would keep the session, and its lock, alive after disposal.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false });
        _writer = new PostgreSqlChangeWriter(_schema);
        try
        {
            Run(connection =>
            {
                RequireUnreservedName(connection, _schema);
                PostgreSqlSchema.Migrate(connection, _schema);
                return true;
            });
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the store as a standby: while another instance writes to the schema, waits without holding the writer
    /// lock, trying to take it once every <see cref="StandbyOptions.PollInterval"/>; when that instance is disposed or
    /// its process dies (even by kill -9, when the server ends its session), takes the lock and returns the open store.
    /// The caller then builds its index from the store (<c>new ReferenceIndex(…, store)</c> rebuilds it) and serves.
    /// </summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="schema">The PostgreSQL schema that holds the tables.</param>
    /// <param name="standby">How to wait, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The store, holding the writer lock.</returns>
    /// <exception cref="ArgumentException">An argument is empty, or the schema name is not a plain identifier or is too long.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The schema was written by a newer version of the SDK.</exception>
    public static async Task<PostgreSqlSignalStore> OpenAsStandbyAsync(string connectionString, string schema, StandbyOptions? standby, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        RequirePlainName(schema);
        var interval = (standby ?? new StandbyOptions()).PollInterval;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new PostgreSqlSignalStore(connectionString, schema);
            }
            catch (Exception e) when (e is StoreInUseException or StoreUnavailableException)
            {
                // Another instance writes, or the server is down: a standby waits through both.
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Gets what <see cref="Load"/> does with a damaged row: stop the start with <see cref="CorruptStoredDataException"/>,
    /// or skip it and report it in <see cref="QuarantinedRows"/>.
    /// </summary>
    /// <value>The default is <see cref="CorruptRowHandling.Stop"/>.</value>
    public CorruptRowHandling CorruptRows { get; set; }

    /// <summary>Gets the rows the last <see cref="Load"/> skipped under <see cref="CorruptRowHandling.Quarantine"/>; empty otherwise.</summary>
    public IReadOnlyList<QuarantinedRow> QuarantinedRows { get; private set; } = [];

    /// <inheritdoc/>
    /// <exception cref="CorruptStoredDataException">A row is damaged (an undefined enum value, a number out of range, a second active signal of one organisation for one youth, an event naming a missing signal, unreadable JSON) and <see cref="CorruptRows"/> is <see cref="CorruptRowHandling.Stop"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">A row was written by a newer version of the SDK.</exception>
    public void Load(IStoredIndexSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        Run(connection =>
        {
            var validator = new StoredRowValidator(CorruptRows);
            PostgreSqlLoader.Load(connection, _schema, sink, validator);
            QuarantinedRows = validator.Quarantined;
            return true;
        });
    }

    /// <inheritdoc/>
    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    /// <inheritdoc/>
    /// <exception cref="StoreUnavailableException">The server cannot be reached for the moment; nothing was written.</exception>
    /// <exception cref="StoreInUseException">A signal registered in the change set is already stored, so another writer wrote to the schema, or this store stepped down; nothing was written.</exception>
    public void Commit(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            try
            {
                _writer.Write(changes, transaction);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "signals")
            {
                throw new StoreInUseException(StoreKind, _schema, e);
            }

            transaction.Commit();
            return true;
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
    public IReadOnlyList<StoredEvent> ReadEvents(SignalId signal) => Run(connection =>
    {
        using var command = new NpgsqlCommand($"SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload::text FROM {_schema}.events WHERE signal_id = $1 OR other_signal_id = $1 ORDER BY sequence", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = signal.Value });
        using var reader = command.ExecuteReader();
        return StoredEventRows.ReadAll(reader);
    });

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;

            // Closing the connection ends the server session a moment later, and with it the writer lock; a store opened
            // on the same schema right after would find the lock still held. Releasing it first hands it over at once.
            if (_connection is { State: System.Data.ConnectionState.Open } connection)
            {
                try
                {
                    using var unlock = WriterLockCommand(connection, "pg_advisory_unlock");
                    unlock.ExecuteScalar();
                }
                catch (NpgsqlException)
                {
                    // A broken connection holds no lock worth releasing: the server drops it with the session.
                }
            }

            _connection?.Dispose();
            _connection = null;
            _dataSource.Dispose();
        }
    }

    /// <inheritdoc/>
    public string? ReadYouthKeying() => Run(connection =>
    {
        using var command = new NpgsqlCommand($"SELECT value FROM {_schema}.store_settings WHERE name = 'youth_keying'", connection);
        return command.ExecuteScalar() as string;
    });

    /// <inheritdoc/>
    public void WriteYouthKeying(string keying)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keying);
        Run(connection =>
        {
            using var command = new NpgsqlCommand(
                $"INSERT INTO {_schema}.store_settings (name, value) VALUES ('youth_keying', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = keying });
            return command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public StoredAuditTrail LoadAuditTrail() => Run(connection =>
    {
        string genesis = AuditRecord.GenesisHash;
        long genesisSequence = 0;
        using (var start = new NpgsqlCommand($"SELECT hash, sequence FROM {_schema}.audit_genesis", connection))
        using (var reader = start.ExecuteReader())
        {
            if (reader.Read())
            {
                genesis = reader.GetString(0);
                genesisSequence = reader.GetInt64(1);
            }
        }

        using var command = new NpgsqlCommand($"SELECT {StoredAuditRows.Columns} FROM {_schema}.audit_records ORDER BY sequence", connection);
        using var rows = command.ExecuteReader();
        var records = StoredAuditRows.ReadAll(rows);
        return new StoredAuditTrail(genesis, genesisSequence, records);
    });

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
        Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(PostgreSqlChangeWriter.Statement($"DELETE FROM {_schema}.audit_records WHERE sequence <= $1", throughSequence));
            batch.BatchCommands.Add(PostgreSqlChangeWriter.Statement($"DELETE FROM {_schema}.audit_genesis"));
            batch.BatchCommands.Add(PostgreSqlChangeWriter.Statement($"INSERT INTO {_schema}.audit_genesis (hash, sequence) VALUES ($1, $2)", genesis, throughSequence));
            batch.ExecuteNonQuery();
            transaction.Commit();
            return true;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredHistory> ReadStreams(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return Run(connection =>
        {
            using var command = new NpgsqlCommand(
                $"SELECT stream, type, schema_version, at_ticks, payload::text, version FROM {_schema}.stream_events WHERE kind = $1 ORDER BY stream COLLATE \"C\", version",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = kind });
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

    private static void RequirePlainName(string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        foreach (var c in schema)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException("The schema name may hold lower-case letters, digits and '_' only.", nameof(schema));
            }
        }

        // The SDK writes the name into its statements unquoted, where PostgreSQL reads a leading digit as a number.
        if (char.IsAsciiDigit(schema[0]))
        {
            throw new ArgumentException("The schema name must begin with a letter or '_'.", nameof(schema));
        }

        // PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and silently drops the rest, so two longer
        // names would open one schema under two different writer locks.
        if (Encoding.UTF8.GetByteCount(schema) > MaxNameBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The schema name is {Encoding.UTF8.GetByteCount(schema)} bytes long; PostgreSQL keeps only the first {MaxNameBytes} bytes of a name, so two longer names could share one schema. Use a name of at most {MaxNameBytes} bytes."),
                nameof(schema));
        }
    }

    /// <summary>
    /// Refuses a name the server's grammar reserves (<c>select</c>, <c>user</c>, <c>left</c>…): written unquoted into the
    /// statements, it would give a syntax error instead of a schema. The server's own keyword list decides, so a newer
    /// server's new keywords are refused as well.
    /// </summary>
    private static void RequireUnreservedName(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand("SELECT catdesc FROM pg_get_keywords() WHERE word = $1 AND catcode <> 'U'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        if (command.ExecuteScalar() is string category)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The schema name '{schema}' is a PostgreSQL keyword ({category}), which the SDK cannot use as a name; choose another, for example '{schema}_index'."),
                nameof(schema));
        }
    }

    // Whether a failure means the session is gone (the server stopped, restarted or dropped it, or the network failed),
    // rather than a refusal of the statement on a healthy session, such as a constraint or a version conflict.
    private static bool IsConnectionLost(Exception e, NpgsqlConnection connection) =>
        e is NpgsqlException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException
        && (connection.State != System.Data.ConnectionState.Open
            || e is PostgresException { SqlState: var state } && (state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal))
            || e is NpgsqlException { IsTransient: true } and not PostgresException);

    /// <summary>
    /// Runs one operation on the session that holds the writer lock, connecting and taking the lock first when the
    /// session was lost; turns a lost session into <see cref="StoreUnavailableException"/> and drops it, so that the
    /// next operation starts a new one. The server rolls back whatever transaction the lost session had open. A page or
    /// index the server reports damaged (SQLSTATE XX001, XX002) becomes <see cref="CorruptStoredDataException"/>.
    /// </summary>
    private T Run<T>(Func<NpgsqlConnection, T> operation)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = Connected();
            try
            {
                return operation(connection);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DataCorrupted or PostgresErrorCodes.IndexCorrupted)
            {
                // The server found a damaged page or index; its message names the relation and block, never a row's content.
                throw new CorruptStoredDataException(new QuarantinedRow(e.TableName ?? "(schema)", "-", $"the server reports damaged {(e.SqlState == PostgresErrorCodes.IndexCorrupted ? "index" : "data")}: {e.MessageText}"), e);
            }
            catch (Exception e) when (IsConnectionLost(e, connection))
            {
                Drop();
                throw new StoreUnavailableException(StoreKind, _schema, "the connection to the server was lost", e);
            }
        }
    }

    private NpgsqlConnection Connected()
    {
        if (_steppedDown)
        {
            throw new StoreInUseException(StoreKind, _schema, null);
        }

        if (_connection is { State: System.Data.ConnectionState.Open } open)
        {
            return open;
        }

        Drop();
        NpgsqlConnection connection;
        try
        {
            connection = _dataSource.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StoreUnavailableException(StoreKind, _schema, "the server cannot be reached", e);
        }

        bool locked;
        try
        {
            using var command = WriterLockCommand(connection, "pg_try_advisory_lock");
            locked = command.ExecuteScalar() is true;
        }
        catch (Exception e) when (IsConnectionLost(e, connection))
        {
            connection.Dispose();
            throw new StoreUnavailableException(StoreKind, _schema, "the connection to the server was lost", e);
        }

        if (!locked)
        {
            connection.Dispose();

            // The lock was free only if this store never held it; once it held it, whoever holds it now took over
            // while this store was cut off and has written since, so this store's view is stale for good.
            _steppedDown = _everLocked;
            throw new StoreInUseException(StoreKind, _schema, null);
        }

        _everLocked = true;
        _connection = connection;
        return connection;
    }

    private void Drop()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private NpgsqlCommand WriterLockCommand(NpgsqlConnection connection, string function)
    {
        // The lock is named after the schema as PostgreSQL stores its name (the cast to name applies the server's own
        // truncation), so that the lock and the schema can never disagree about which schema is meant.
        var command = new NpgsqlCommand($"SELECT {function}(hashtext('carecoordination.index.' || $1::name))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _schema });
        return command;
    }
}
