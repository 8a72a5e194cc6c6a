using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
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
/// Thread-safe: one lock serialises the index's writes and the audit trail's appends on the one connection. It is also
/// the audit trail's durable sink (<see cref="IAuditSink"/>) and keeps the streams of cases, plans and consents
/// (<see cref="IEventStreamStore"/>). Dispose it after everything that writes to it.
/// </remarks>
public sealed class PostgreSqlSignalStore : ICareCoordinationStore, IDisposable
{
    /// <summary>The schema version this version of the SDK creates and reads.</summary>
    public const int SchemaVersion = PostgreSqlSchema.Version;

    // NAMEDATALEN - 1 in a standard PostgreSQL build.
    private const int MaxNameBytes = 63;

    private readonly System.Threading.Lock _gate = new();

    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private readonly PostgreSqlChangeWriter _writer;

    /// <summary>Opens the store, creating or migrating its schema.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="schema">The PostgreSQL schema that holds the tables, so that several regions can share a server.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the schema name is not a plain identifier or is longer than PostgreSQL keeps a name (63 bytes).</exception>
    /// <exception cref="StoreInUseException">Another reference index already writes to this schema.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The schema was written by a newer version of the SDK.</exception>
    public PostgreSqlSignalStore(string connectionString, string schema = "carecoordination")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        foreach (var c in schema)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new ArgumentException("The schema name may hold lower-case letters, digits and '_' only.", nameof(schema));
            }
        }

        // PostgreSQL keeps the first 63 bytes of a name (NAMEDATALEN - 1) and silently drops the rest, so two longer
        // names would open one schema under two different writer locks.
        if (Encoding.UTF8.GetByteCount(schema) > MaxNameBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The schema name is {Encoding.UTF8.GetByteCount(schema)} bytes long; PostgreSQL keeps only the first {MaxNameBytes} bytes of a name, so two longer names could share one schema. Use a name of at most {MaxNameBytes} bytes."),
                nameof(schema));
        }

        _schema = schema;
        // The store keeps one connection for its lifetime; a pooled one would keep the session, and its writer lock, alive after disposal.
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        _writer = new PostgreSqlChangeWriter(_connection, _schema);
        _connection.Open();
        try
        {
            TakeWriterLock();
            PostgreSqlSchema.Migrate(_connection, _schema);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Load(IStoredIndexSink sink)
    {
        lock (_gate)
        {
            ArgumentNullException.ThrowIfNull(sink);
            using (var reader = _connection.BeginBinaryExport(
                $"COPY (SELECT id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered FROM {_schema}.signals ORDER BY id) TO STDOUT (FORMAT BINARY)"))
            {
                while (reader.StartRow() != -1)
                {
                    sink.Add(new StoredSignal(
                        new SignalId(reader.Read<long>(NpgsqlDbType.Bigint)),
                        YouthKey.FromStored(reader.Read<int>(NpgsqlDbType.Integer)),
                        new OrganisationId(reader.Read<int>(NpgsqlDbType.Integer)),
                        new ProfessionalId(reader.Read<int>(NpgsqlDbType.Integer)),
                        reader.Read<long>(NpgsqlDbType.Bigint),
                        (IntakeRoute)reader.Read<short>(NpgsqlDbType.Smallint),
                        reader.Read<int>(NpgsqlDbType.Integer),
                        (SignalExpiry)reader.Read<short>(NpgsqlDbType.Smallint),
                        (StoredSignalState)reader.Read<short>(NpgsqlDbType.Smallint),
                        reader.Read<bool>(NpgsqlDbType.Boolean)));
                }
            }

            foreach (var family in ReadFamilies())
            {
                sink.Add(family);
            }

            // jsonb comes back as text through the cast, in the column order the shared reader expects.
            using var keys = new NpgsqlCommand($"SELECT key, at_ticks, schema_version, answer::text FROM {_schema}.idempotency_keys", _connection);
            using var rows = keys.ExecuteReader();
            StoredIdempotencyRows.AddAll(rows, sink);
        }
    }

    /// <inheritdoc/>
    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    /// <inheritdoc/>
    public void Commit(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            _writer.Write(changes, transaction);
            transaction.Commit();
        }
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
        lock (_gate)
        {
            using var command = new NpgsqlCommand($"SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload::text FROM {_schema}.events WHERE signal_id = $1 OR other_signal_id = $1 ORDER BY sequence", _connection);
            command.Parameters.Add(new NpgsqlParameter { Value = signal.Value });
            using var reader = command.ExecuteReader();
            return StoredEventRows.ReadAll(reader);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            // Closing the connection ends the server session a moment later, and with it the writer lock; a store opened
            // on the same schema right after would find the lock still held. Releasing it first hands it over at once.
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    using var unlock = WriterLockCommand("pg_advisory_unlock");
                    unlock.ExecuteScalar();
                }
                catch (NpgsqlException)
                {
                    // A broken connection holds no lock worth releasing: the server drops it with the session.
                }
            }

            _connection.Dispose();
        }
    }

    /// <inheritdoc/>
    public string? ReadYouthKeying()
    {
        lock (_gate)
        {
            using var command = new NpgsqlCommand($"SELECT value FROM {_schema}.store_settings WHERE name = 'youth_keying'", _connection);
            return command.ExecuteScalar() as string;
        }
    }

    /// <inheritdoc/>
    public void WriteYouthKeying(string keying)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keying);
        lock (_gate)
        {
            using var command = new NpgsqlCommand(
                $"INSERT INTO {_schema}.store_settings (name, value) VALUES ('youth_keying', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                _connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = keying });
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc/>
    public StoredAuditTrail LoadAuditTrail()
    {
        lock (_gate)
        {
            string genesis = AuditRecord.GenesisHash;
            long genesisSequence = 0;
            using (var start = new NpgsqlCommand($"SELECT hash, sequence FROM {_schema}.audit_genesis", _connection))
            using (var reader = start.ExecuteReader())
            {
                if (reader.Read())
                {
                    genesis = reader.GetString(0);
                    genesisSequence = reader.GetInt64(1);
                }
            }

            using var command = new NpgsqlCommand($"SELECT {StoredAuditRows.Columns} FROM {_schema}.audit_records ORDER BY sequence", _connection);
            using var rows = command.ExecuteReader();
            var records = StoredAuditRows.ReadAll(rows);
            return new StoredAuditTrail(genesis, genesisSequence, records);
        }
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
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var batch = new NpgsqlBatch(_connection, transaction);
            batch.BatchCommands.Add(PostgreSqlChangeWriter.Statement($"DELETE FROM {_schema}.audit_records WHERE sequence <= $1", throughSequence));
            batch.BatchCommands.Add(PostgreSqlChangeWriter.Statement($"DELETE FROM {_schema}.audit_genesis"));
            batch.BatchCommands.Add(PostgreSqlChangeWriter.Statement($"INSERT INTO {_schema}.audit_genesis (hash, sequence) VALUES ($1, $2)", genesis, throughSequence));
            batch.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredHistory> ReadStreams(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        lock (_gate)
        {
            using var command = new NpgsqlCommand(
                $"SELECT stream, type, schema_version, at_ticks, payload::text FROM {_schema}.stream_events WHERE kind = $1 ORDER BY stream COLLATE \"C\", version",
                _connection);
            command.Parameters.Add(new NpgsqlParameter { Value = kind });
            using var reader = command.ExecuteReader();
            return StoredStreamRows.ReadAll(kind, reader);
        }
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

    private IEnumerable<StoredFamily> ReadFamilies()
    {
        var rows = new StoredFamilyRows();
        using (var command = new NpgsqlCommand($"SELECT family_id, role, member FROM {_schema}.family_members ORDER BY family_id, position", _connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(reader.GetInt32(0), reader.GetInt16(1), reader.GetInt32(2));
            }
        }

        return rows.Families();
    }

    private void TakeWriterLock()
    {
        using var command = WriterLockCommand("pg_try_advisory_lock");
        if (command.ExecuteScalar() is not true)
        {
            throw new StoreInUseException("PostgreSQL schema", _schema, null);
        }
    }

    private NpgsqlCommand WriterLockCommand(string function)
    {
        // The lock is named after the schema as PostgreSQL stores its name (the cast to name applies the server's own
        // truncation), so that the lock and the schema can never disagree about which schema is meant.
        var command = new NpgsqlCommand($"SELECT {function}(hashtext('carecoordination.index.' || $1::name))", _connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _schema });
        return command;
    }
}
