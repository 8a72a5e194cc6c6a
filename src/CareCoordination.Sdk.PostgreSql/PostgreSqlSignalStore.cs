using System;
using System.Collections.Generic;
using System.Linq;
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
    public const int SchemaVersion = 3;

    private readonly System.Threading.Lock _gate = new();

    private readonly NpgsqlConnection _connection;
    private readonly string _schema;

    /// <summary>Opens the store, creating or migrating its schema.</summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="schema">The PostgreSQL schema that holds the tables, so that several regions can share a server.</param>
    /// <exception cref="ArgumentException">An argument is empty, or the schema name is not a plain identifier.</exception>
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

        _schema = schema;
        // The store keeps one connection for its lifetime; a pooled one would keep the session, and its writer lock, alive after disposal.
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        _connection.Open();
        try
        {
            TakeWriterLock();
            Migrate();
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
            using (var batch = new NpgsqlBatch(_connection, transaction))
            {
                foreach (var commit in changes.SignalCommits)
                {
                    AddSignalCommands(batch, commit);
                }

                foreach (var family in changes.Families)
                {
                    batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.family_members WHERE family_id = $1", family.Id.Value));
                    foreach (var (position, role, member) in family.Family is { } members ? StoredFamilyRows.RowsOf(members) : [])
                    {
                        batch.BatchCommands.Add(Command($"INSERT INTO {_schema}.family_members (family_id, position, role, member) VALUES ($1, $2, $3, $4)", family.Id.Value, position, (short)role, member));
                    }
                }

                foreach (var record in changes.AuditRecords)
                {
                    batch.BatchCommands.Add(AuditCommand(record));
                }

                if (batch.BatchCommands.Count > 0)
                {
                    batch.ExecuteNonQuery();
                }
            }

            foreach (var change in changes.Streams)
            {
                WriteStream(change, transaction);
            }

            transaction.Commit();
        }
    }

    private void AddSignalCommands(NpgsqlBatch batch, SignalCommit commit)
    {
        foreach (var erased in commit.Erasures)
        {
            // A remembered answer names the signal and its youth: it goes with the signal.
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.idempotency_keys WHERE key IN (SELECT key FROM {_schema}.idempotency_signals WHERE signal_id = $1)", erased.Value));
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.idempotency_signals WHERE key IN (SELECT key FROM {_schema}.idempotency_signals WHERE signal_id = $1)", erased.Value));
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.events WHERE signal_id = $1 OR other_signal_id = $1", erased.Value));
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.signals WHERE id = $1", erased.Value));
        }

        foreach (var s in commit.Upserts)
        {
            batch.BatchCommands.Add(Command(
                $"""
                INSERT INTO {_schema}.signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, schema_version)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (id) DO UPDATE SET reporter = excluded.reporter, registered_ticks = excluded.registered_ticks,
                  day = excluded.day, expiry = excluded.expiry, state = excluded.state, offered = excluded.offered, schema_version = excluded.schema_version
                """,
                s.Id.Value,
                s.Youth.Value,
                s.Organisation.Value,
                s.Reporter.Value,
                s.RegisteredTicks,
                (short)s.Route,
                s.DayNumber,
                (short)s.Expiry,
                (short)s.State,
                s.OfferedAsMatch,
                SchemaVersion));
        }

        foreach (var e in commit.Events)
        {
            batch.BatchCommands.Add(Command(
                $"INSERT INTO {_schema}.events (signal_id, other_signal_id, type, schema_version, occurred_ticks, payload) VALUES ($1, $2, $3, $4, $5, $6::jsonb)",
                e.Signal.Value,
                e.OtherSignal is { } other ? other.Value : DBNull.Value,
                e.Type,
                e.SchemaVersion,
                e.OccurredAt.ToUnixTimeTicks(),
                e.Json));
        }

        if (commit.ForgetIdempotencyKeysUpTo is { } cutoff)
        {
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.idempotency_signals WHERE key IN (SELECT key FROM {_schema}.idempotency_keys WHERE at_ticks <= $1)", cutoff.ToUnixTimeTicks()));
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.idempotency_keys WHERE at_ticks <= $1", cutoff.ToUnixTimeTicks()));
        }

        foreach (var key in commit.IdempotencyKeys)
        {
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.idempotency_signals WHERE key = $1", key.Key));
            batch.BatchCommands.Add(Command(
                $"INSERT INTO {_schema}.idempotency_keys (key, at_ticks, schema_version, answer) VALUES ($1, $2, $3, $4::jsonb) "
                + "ON CONFLICT (key) DO UPDATE SET at_ticks = excluded.at_ticks, schema_version = excluded.schema_version, answer = excluded.answer",
                key.Key,
                key.At.ToUnixTimeTicks(),
                key.SchemaVersion,
                key.Json));
            foreach (var signal in key.Signals.Distinct())
            {
                batch.BatchCommands.Add(Command($"INSERT INTO {_schema}.idempotency_signals (key, signal_id) VALUES ($1, $2)", key.Key, signal.Value));
            }
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
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.audit_records WHERE sequence <= $1", throughSequence));
            batch.BatchCommands.Add(Command($"DELETE FROM {_schema}.audit_genesis"));
            batch.BatchCommands.Add(Command($"INSERT INTO {_schema}.audit_genesis (hash, sequence) VALUES ($1, $2)", genesis, throughSequence));
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

    private void WriteStream(StreamChange change, NpgsqlTransaction transaction)
    {
        if (change.ErasesStream)
        {
            using (var delete = StreamCommand($"DELETE FROM {_schema}.stream_events WHERE kind = $1 AND stream = $2", change.Kind, change.Stream, transaction))
            {
                delete.ExecuteNonQuery();
            }

            InsertStreamEvents(change.Kind, change.Stream, 0, change.Events, transaction);
            return;
        }

        var expected = change.ExpectedVersion!.Value;
        using (var read = StreamCommand($"SELECT COUNT(*) FROM {_schema}.stream_events WHERE kind = $1 AND stream = $2", change.Kind, change.Stream, transaction))
        {
            StoredStreamRows.RequireVersion(change.Kind, change.Stream, expected, read.ExecuteScalar());
        }

        try
        {
            InsertStreamEvents(change.Kind, change.Stream, expected, change.Events, transaction);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another session appended between the count and the insert; the primary key refused the second writer.
            throw new StreamVersionConflictException($"The {change.Kind} {change.Stream} was changed by another writer while this change was written; nothing was written. Reload it and try again.", e);
        }
    }

    private NpgsqlBatchCommand AuditCommand(AuditRecord record)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {_schema}.audit_records (sequence, at_ticks, user_id, role, organisation, system, subject, action, data, detail, basis, basis_reference, flagged, previous_hash, hash) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = record.Sequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = record.At.ToUnixTimeTicks() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.UserId });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Organisation is { } organisation ? organisation.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.System });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Subject.IsDefault ? DBNull.Value : record.Subject.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Action });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Data });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Detail });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Basis is { } basis ? (short)basis : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.BasisReference ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = record.FlaggedForReview });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.PreviousHash });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Hash });
        return command;
    }

    private NpgsqlCommand StreamCommand(string sql, string kind, string stream, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(sql, _connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        return command;
    }

    private void InsertStreamEvents(string kind, string stream, int after, IReadOnlyList<StreamEvent> events, NpgsqlTransaction transaction)
    {
        if (events.Count == 0)
        {
            return;
        }

        using var batch = new NpgsqlBatch(_connection, transaction);
        for (var i = 0; i < events.Count; i++)
        {
            batch.BatchCommands.Add(Command(
                $"INSERT INTO {_schema}.stream_events (kind, stream, version, type, schema_version, at_ticks, payload) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
                kind,
                stream,
                after + i + 1,
                events[i].Type,
                events[i].SchemaVersion,
                events[i].At.ToUnixTimeTicks(),
                events[i].Json));
        }

        batch.ExecuteNonQuery();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
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
            throw new StoreInUseException($"Another reference index already writes to the PostgreSQL schema '{_schema}'; one index writes to one store.");
        }
    }

    private NpgsqlCommand WriterLockCommand(string function)
    {
        var command = new NpgsqlCommand($"SELECT {function}(hashtext($1))", _connection);
        command.Parameters.Add(new NpgsqlParameter { Value = "carecoordination.index." + _schema });
        return command;
    }

    private void Migrate()
    {
        Execute($"CREATE SCHEMA IF NOT EXISTS {_schema}");
        Execute($"CREATE TABLE IF NOT EXISTS {_schema}.schema_info (version INTEGER NOT NULL)");
        using var read = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {_schema}.schema_info", _connection);
        var found = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (found > SchemaVersion)
        {
            throw new UnsupportedSchemaVersionException("PostgreSQL store", found, SchemaVersion);
        }

        if (found == SchemaVersion)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        var statements = new List<string>();
        if (found < 1)
        {
            statements.AddRange(
            [
                $"""
                CREATE TABLE {_schema}.signals (
                  id BIGINT PRIMARY KEY, youth INTEGER NOT NULL, organisation INTEGER NOT NULL, reporter INTEGER NOT NULL,
                  registered_ticks BIGINT NOT NULL, route SMALLINT NOT NULL, day INTEGER NOT NULL, expiry SMALLINT NOT NULL,
                  state SMALLINT NOT NULL, offered BOOLEAN NOT NULL, schema_version INTEGER NOT NULL)
                """,
                $"CREATE INDEX signals_youth ON {_schema}.signals (youth)",
                $"""
                CREATE TABLE {_schema}.events (
                  sequence BIGSERIAL PRIMARY KEY, signal_id BIGINT NOT NULL, other_signal_id BIGINT,
                  type TEXT NOT NULL, schema_version INTEGER NOT NULL, occurred_ticks BIGINT NOT NULL, payload JSONB NOT NULL)
                """,
                $"CREATE INDEX events_signal ON {_schema}.events (signal_id)",
                $"CREATE INDEX events_other_signal ON {_schema}.events (other_signal_id)",
                $"CREATE TABLE {_schema}.family_members (family_id INTEGER NOT NULL, position INTEGER NOT NULL, role SMALLINT NOT NULL, member INTEGER NOT NULL, PRIMARY KEY (family_id, position))",
            ]);
        }

        if (found < 2)
        {
            // Version 2 adds the audit trail: a schema from version 1 keeps its signals and gains an empty trail.
            statements.Add(
                $"CREATE TABLE {_schema}.audit_records (sequence BIGINT PRIMARY KEY, at_ticks BIGINT NOT NULL, user_id TEXT NOT NULL, role SMALLINT NOT NULL, "
                + "organisation INTEGER, system TEXT NOT NULL, subject TEXT, action SMALLINT NOT NULL, data SMALLINT NOT NULL, detail TEXT NOT NULL, "
                + "basis SMALLINT, basis_reference TEXT, flagged BOOLEAN NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)");
            statements.Add($"CREATE TABLE {_schema}.audit_genesis (hash TEXT NOT NULL, sequence BIGINT NOT NULL)");
            statements.Add($"CREATE TABLE {_schema}.store_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }

        // Version 3 adds the aggregates' event streams and the durable idempotency keys.
        statements.Add(
            $"""
            CREATE TABLE {_schema}.stream_events (
              kind TEXT NOT NULL, stream TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL,
              schema_version INTEGER NOT NULL, at_ticks BIGINT NOT NULL, payload JSONB NOT NULL, PRIMARY KEY (kind, stream, version))
            """);
        statements.Add($"CREATE TABLE {_schema}.idempotency_keys (key TEXT PRIMARY KEY, at_ticks BIGINT NOT NULL, schema_version INTEGER NOT NULL, answer JSONB NOT NULL)");
        statements.Add($"CREATE TABLE {_schema}.idempotency_signals (key TEXT NOT NULL, signal_id BIGINT NOT NULL, PRIMARY KEY (key, signal_id))");
        statements.Add($"CREATE INDEX idempotency_signals_signal ON {_schema}.idempotency_signals (signal_id)");
        statements.Add($"INSERT INTO {_schema}.schema_info (version) VALUES ({SchemaVersion})");
        foreach (var statement in statements)
        {
            using var command = new NpgsqlCommand(statement, _connection, transaction);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        command.ExecuteNonQuery();
    }
}
