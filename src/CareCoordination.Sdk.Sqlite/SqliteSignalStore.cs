using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
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
/// erased signal's bytes are overwritten rather than left in free pages.
/// </summary>
/// <remarks>
/// Thread-safe: one lock serialises the index's writes and the audit trail's appends on the one connection. It is also
/// the audit trail's durable sink (<see cref="IAuditSink"/>) and keeps the streams of cases, plans and consents
/// (<see cref="IEventStreamStore"/>). Dispose it after everything that writes to it.
/// </remarks>
public sealed class SqliteSignalStore : ICareCoordinationStore, IDisposable
{
    /// <summary>The schema version this version of the SDK creates and reads.</summary>
    public const int SchemaVersion = 3;

    private static readonly string[] VersionOne =
    [
        """
        CREATE TABLE signals (
          id INTEGER PRIMARY KEY, youth INTEGER NOT NULL, organisation INTEGER NOT NULL, reporter INTEGER NOT NULL,
          registered_ticks INTEGER NOT NULL, route INTEGER NOT NULL, day INTEGER NOT NULL, expiry INTEGER NOT NULL,
          state INTEGER NOT NULL, offered INTEGER NOT NULL, schema_version INTEGER NOT NULL)
        """,
        "CREATE INDEX signals_youth ON signals (youth)",
        """
        CREATE TABLE events (
          sequence INTEGER PRIMARY KEY AUTOINCREMENT, signal_id INTEGER NOT NULL, other_signal_id INTEGER,
          type TEXT NOT NULL, schema_version INTEGER NOT NULL, occurred_ticks INTEGER NOT NULL, payload TEXT NOT NULL)
        """,
        "CREATE INDEX events_signal ON events (signal_id)",
        "CREATE INDEX events_other_signal ON events (other_signal_id)",
        "CREATE TABLE family_members (family_id INTEGER NOT NULL, position INTEGER NOT NULL, role INTEGER NOT NULL, member INTEGER NOT NULL, PRIMARY KEY (family_id, position))",
    ];

    private static readonly string[] VersionTwo =
    [
        "CREATE TABLE audit_records (sequence INTEGER PRIMARY KEY, at_ticks INTEGER NOT NULL, user_id TEXT NOT NULL, role INTEGER NOT NULL, "
            + "organisation INTEGER, system TEXT NOT NULL, subject TEXT, action INTEGER NOT NULL, data INTEGER NOT NULL, detail TEXT NOT NULL, "
            + "basis INTEGER, basis_reference TEXT, flagged INTEGER NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)",
        "CREATE TABLE audit_genesis (hash TEXT NOT NULL, sequence INTEGER NOT NULL)",
        "CREATE TABLE store_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ];

    private static readonly string[] VersionThree =
    [
        """
        CREATE TABLE stream_events (
          kind TEXT NOT NULL, stream TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL,
          schema_version INTEGER NOT NULL, at_ticks INTEGER NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (kind, stream, version))
        """,
        "CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, at_ticks INTEGER NOT NULL, schema_version INTEGER NOT NULL, answer TEXT NOT NULL)",
        "CREATE TABLE idempotency_signals (key TEXT NOT NULL, signal_id INTEGER NOT NULL, PRIMARY KEY (key, signal_id))",
        "CREATE INDEX idempotency_signals_signal ON idempotency_signals (signal_id)",
    ];

    private readonly System.Threading.Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsertSignal;
    private readonly SqliteCommand _insertEvent;

    /// <summary>Opens the store in a file, creating the file and its schema when they do not exist yet.</summary>
    /// <param name="path">The database file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The file was written by a newer version of the SDK.</exception>
    public SqliteSignalStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL");
        Execute("PRAGMA synchronous = FULL");
        Execute("PRAGMA secure_delete = ON");
        Migrate();
        _upsertSignal = Prepared(
            """
            INSERT INTO signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, schema_version)
            VALUES ($id, $youth, $organisation, $reporter, $ticks, $route, $day, $expiry, $state, $offered, $schema)
            ON CONFLICT (id) DO UPDATE SET reporter = excluded.reporter, registered_ticks = excluded.registered_ticks,
              day = excluded.day, expiry = excluded.expiry, state = excluded.state, offered = excluded.offered, schema_version = excluded.schema_version
            """,
            ["$id", "$youth", "$organisation", "$reporter", "$ticks", "$route", "$day", "$expiry", "$state", "$offered"]);
        _upsertSignal.Parameters.AddWithValue("$schema", SchemaVersion);
        _insertEvent = Prepared(
            "INSERT INTO events (signal_id, other_signal_id, type, schema_version, occurred_ticks, payload) VALUES ($signal, $other, $type, $schema, $ticks, $payload)",
            ["$signal", "$other", "$type", "$schema", "$ticks", "$payload"]);
    }

    /// <inheritdoc/>
    public void Load(IStoredIndexSink sink)
    {
        lock (_gate)
        {
            ArgumentNullException.ThrowIfNull(sink);
            using (var command = Command("SELECT id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered FROM signals ORDER BY id"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    sink.Add(new StoredSignal(
                        new SignalId(reader.GetInt64(0)),
                        YouthKey.FromStored(reader.GetInt32(1)),
                        new OrganisationId(reader.GetInt32(2)),
                        new ProfessionalId(reader.GetInt32(3)),
                        reader.GetInt64(4),
                        (IntakeRoute)reader.GetInt32(5),
                        reader.GetInt32(6),
                        (SignalExpiry)reader.GetInt32(7),
                        (StoredSignalState)reader.GetInt32(8),
                        reader.GetInt32(9) != 0));
                }
            }

            foreach (var family in ReadFamilies())
            {
                sink.Add(family);
            }

            using var keys = Command("SELECT " + StoredIdempotencyRows.Columns + " FROM idempotency_keys");
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
            using var transaction = _connection.BeginTransaction(deferred: false);
            var erased = false;
            foreach (var commit in changes.SignalCommits)
            {
                WriteSignals(commit, transaction);
                erased |= commit.Erasures.Count > 0;
            }

            foreach (var family in changes.Families)
            {
                DeleteFamily(family.Id, transaction);
                if (family.Family is { } members)
                {
                    InsertFamily(members, transaction);
                }

                erased = true;
            }

            foreach (var change in changes.Streams)
            {
                if (change.ErasesStream)
                {
                    using (var delete = StreamCommand("DELETE FROM stream_events WHERE kind = $kind AND stream = $stream", change.Kind, change.Stream, transaction))
                    {
                        delete.ExecuteNonQuery();
                    }

                    InsertStreamEvents(change.Kind, change.Stream, 0, change.Events, transaction);
                    erased = true;
                    continue;
                }

                using (var read = StreamCommand("SELECT COUNT(*) FROM stream_events WHERE kind = $kind AND stream = $stream", change.Kind, change.Stream, transaction))
                {
                    StoredStreamRows.RequireVersion(change.Kind, change.Stream, change.ExpectedVersion!.Value, read.ExecuteScalar());
                }

                InsertStreamEvents(change.Kind, change.Stream, change.ExpectedVersion.Value, change.Events, transaction);
            }

            foreach (var record in changes.AuditRecords)
            {
                InsertAudit(record, transaction);
            }

            transaction.Commit();

            // secure_delete zeroes erased rows in the database file, but the write-ahead log still holds the frames that
            // wrote them; truncating the log after an erasure, a family change or a replaced stream leaves no copy of a
            // removed person's number on disk.
            if (erased)
            {
                Checkpoint();
            }
        }
    }

    private void WriteSignals(SignalCommit commit, SqliteTransaction transaction)
    {
        foreach (var erased in commit.Erasures)
        {
            // A remembered answer names the signal and its youth: it goes with the signal.
            Execute("DELETE FROM idempotency_keys WHERE key IN (SELECT key FROM idempotency_signals WHERE signal_id = $value)", transaction, erased.Value);
            Execute("DELETE FROM idempotency_signals WHERE key IN (SELECT key FROM idempotency_signals WHERE signal_id = $value)", transaction, erased.Value);
            Execute("DELETE FROM events WHERE signal_id = $value OR other_signal_id = $value", transaction, erased.Value);
            Execute("DELETE FROM signals WHERE id = $value", transaction, erased.Value);
        }

        // The two statements every registration runs are prepared once per store and reused, row after row: a
        // batch of registrations then costs one statement execution per row, not one statement compilation.
        var upsert = _upsertSignal;
        upsert.Transaction = transaction;
        foreach (var row in commit.Upserts)
        {
            var p = upsert.Parameters;
            p[0].Value = row.Id.Value;
            p[1].Value = row.Youth.Value;
            p[2].Value = row.Organisation.Value;
            p[3].Value = row.Reporter.Value;
            p[4].Value = row.RegisteredTicks;
            p[5].Value = (int)row.Route;
            p[6].Value = row.DayNumber;
            p[7].Value = (int)row.Expiry;
            p[8].Value = (int)row.State;
            p[9].Value = row.OfferedAsMatch ? 1 : 0;
            upsert.ExecuteNonQuery();
        }

        var insertEvent = _insertEvent;
        insertEvent.Transaction = transaction;
        foreach (var stored in commit.Events)
        {
            var p = insertEvent.Parameters;
            p[0].Value = stored.Signal.Value;
            p[1].Value = stored.OtherSignal is { } other ? other.Value : DBNull.Value;
            p[2].Value = stored.Type;
            p[3].Value = stored.SchemaVersion;
            p[4].Value = stored.OccurredAt.ToUnixTimeTicks();
            p[5].Value = stored.Json;
            insertEvent.ExecuteNonQuery();
        }

        if (commit.ForgetIdempotencyKeysUpTo is { } cutoff)
        {
            Execute("DELETE FROM idempotency_signals WHERE key IN (SELECT key FROM idempotency_keys WHERE at_ticks <= $value)", transaction, cutoff.ToUnixTimeTicks());
            Execute("DELETE FROM idempotency_keys WHERE at_ticks <= $value", transaction, cutoff.ToUnixTimeTicks());
        }

        foreach (var key in commit.IdempotencyKeys)
        {
            Execute("DELETE FROM idempotency_signals WHERE key = $value", transaction, key.Key);

            using (var insert = Command(
                "INSERT INTO idempotency_keys (key, at_ticks, schema_version, answer) VALUES ($key, $at, $schema, $answer) "
                + "ON CONFLICT (key) DO UPDATE SET at_ticks = excluded.at_ticks, schema_version = excluded.schema_version, answer = excluded.answer",
                transaction))
            {
                insert.Parameters.AddWithValue("$key", key.Key);
                insert.Parameters.AddWithValue("$at", key.At.ToUnixTimeTicks());
                insert.Parameters.AddWithValue("$schema", key.SchemaVersion);
                insert.Parameters.AddWithValue("$answer", key.Json);
                insert.ExecuteNonQuery();
            }

            foreach (var signal in key.Signals.Distinct())
            {
                using var link = Command("INSERT INTO idempotency_signals (key, signal_id) VALUES ($key, $signal)", transaction);
                link.Parameters.AddWithValue("$key", key.Key);
                link.Parameters.AddWithValue("$signal", signal.Value);
                link.ExecuteNonQuery();
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
            using var command = Command("SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload FROM events WHERE signal_id = $id OR other_signal_id = $id ORDER BY sequence");
            command.Parameters.AddWithValue("$id", signal.Value);
            using var reader = command.ExecuteReader();
            return StoredEventRows.ReadAll(reader);
        }
    }

    /// <summary>Writes the write-ahead log back into the database file and truncates the log.</summary>
    public void Checkpoint()
    {
        lock (_gate)
        {
            Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _upsertSignal.Dispose();
            _insertEvent.Dispose();
            _connection.Dispose();
        }
    }

    /// <inheritdoc/>
    public string? ReadYouthKeying()
    {
        lock (_gate)
        {
            using var command = Command("SELECT value FROM store_settings WHERE name = 'youth_keying'");
            return command.ExecuteScalar() as string;
        }
    }

    /// <inheritdoc/>
    public void WriteYouthKeying(string keying)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keying);
        lock (_gate)
        {
            using var command = Command("INSERT INTO store_settings (name, value) VALUES ('youth_keying', $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
            command.Parameters.AddWithValue("$value", keying);
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
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredHistory> ReadStreams(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        lock (_gate)
        {
            using var command = Command("SELECT stream, type, schema_version, at_ticks, payload FROM stream_events WHERE kind = $kind ORDER BY stream, version");
            command.Parameters.AddWithValue("$kind", kind);
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

    private void InsertAudit(AuditRecord record, SqliteTransaction transaction)
    {
        using var command = Command(
            "INSERT INTO audit_records (sequence, at_ticks, user_id, role, organisation, system, subject, action, data, detail, basis, basis_reference, flagged, previous_hash, hash) "
            + "VALUES ($sequence, $at, $user, $role, $organisation, $system, $subject, $action, $data, $detail, $basis, $reference, $flagged, $previous, $hash)",
            transaction);
        command.Parameters.AddWithValue("$sequence", record.Sequence);
        command.Parameters.AddWithValue("$at", record.At.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$user", record.UserId);
        command.Parameters.AddWithValue("$role", (int)record.Role);
        command.Parameters.AddWithValue("$organisation", record.Organisation is { } organisation ? organisation.Value : DBNull.Value);
        command.Parameters.AddWithValue("$system", record.System);
        command.Parameters.AddWithValue("$subject", record.Subject.IsDefault ? DBNull.Value : record.Subject.Value);
        command.Parameters.AddWithValue("$action", (int)record.Action);
        command.Parameters.AddWithValue("$data", (int)record.Data);
        command.Parameters.AddWithValue("$detail", record.Detail);
        command.Parameters.AddWithValue("$basis", record.Basis is { } basis ? (int)basis : DBNull.Value);
        command.Parameters.AddWithValue("$reference", (object?)record.BasisReference ?? DBNull.Value);
        command.Parameters.AddWithValue("$flagged", record.FlaggedForReview ? 1 : 0);
        command.Parameters.AddWithValue("$previous", record.PreviousHash);
        command.Parameters.AddWithValue("$hash", record.Hash);
        command.ExecuteNonQuery();
    }

    private void InsertFamily(StoredFamily family, SqliteTransaction transaction)
    {
        foreach (var (position, role, member) in StoredFamilyRows.RowsOf(family))
        {
            using var command = Command("INSERT INTO family_members (family_id, position, role, member) VALUES ($family, $position, $role, $member)", transaction);
            command.Parameters.AddWithValue("$family", family.Id.Value);
            command.Parameters.AddWithValue("$position", position);
            command.Parameters.AddWithValue("$role", role);
            command.Parameters.AddWithValue("$member", member);
            command.ExecuteNonQuery();
        }
    }

    private void InsertStreamEvents(string kind, string stream, int after, IReadOnlyList<StreamEvent> events, SqliteTransaction transaction)
    {
        for (var i = 0; i < events.Count; i++)
        {
            using var insert = Command(
                "INSERT INTO stream_events (kind, stream, version, type, schema_version, at_ticks, payload) VALUES ($kind, $stream, $version, $type, $schema, $at, $payload)",
                transaction);
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$stream", stream);
            insert.Parameters.AddWithValue("$version", after + i + 1);
            insert.Parameters.AddWithValue("$type", events[i].Type);
            insert.Parameters.AddWithValue("$schema", events[i].SchemaVersion);
            insert.Parameters.AddWithValue("$at", events[i].At.ToUnixTimeTicks());
            insert.Parameters.AddWithValue("$payload", events[i].Json);
            insert.ExecuteNonQuery();
        }
    }

    private IEnumerable<StoredFamily> ReadFamilies()
    {
        var rows = new StoredFamilyRows();
        using (var command = Command("SELECT family_id, role, member FROM family_members ORDER BY family_id, position"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            }
        }

        return rows.Families();
    }

    private void DeleteFamily(FamilyId family, SqliteTransaction transaction)
    {
        using var command = Command("DELETE FROM family_members WHERE family_id = $family", transaction);
        command.Parameters.AddWithValue("$family", family.Value);
        command.ExecuteNonQuery();
    }

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)");
        using var read = Command("SELECT MAX(version) FROM schema_info");
        var found = read.ExecuteScalar() is long version ? (int)version : 0;
        if (found > SchemaVersion)
        {
            throw new UnsupportedSchemaVersionException("SQLite store", found, SchemaVersion);
        }

        if (found == SchemaVersion)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction(deferred: false);
        var statements = new List<string>();
        if (found < 1)
        {
            statements.AddRange(VersionOne);
        }

        if (found < 2)
        {
            // Version 2 adds the audit trail: a file from version 1 keeps its signals and gains an empty trail.
            statements.AddRange(VersionTwo);
        }

        // Version 3 adds the aggregates' event streams and the durable idempotency keys.
        statements.AddRange(VersionThree);
        statements.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_info (version) VALUES ({SchemaVersion})"));
        foreach (var statement in statements)
        {
            using var command = Command(statement, transaction);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement of one parameter, named <c>$value</c>, inside a transaction.</summary>
    private void Execute(string sql, SqliteTransaction transaction, object value)
    {
        using var command = Command(sql, transaction);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private SqliteCommand StreamCommand(string sql, string kind, string stream, SqliteTransaction transaction)
    {
        var command = Command(sql, transaction);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$stream", stream);
        return command;
    }

    private SqliteCommand Prepared(string sql, string[] parameters)
    {
        var command = Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
