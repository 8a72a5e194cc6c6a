using System;
using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Sqlite;

/// <summary>
/// The embedded default store (<see cref="ISignalStore"/>): one SQLite file in write-ahead-log mode with full
/// synchronisation, so that a commit that returned survives a crash of the process, and secure delete, so that an
/// erased signal's bytes are overwritten rather than left in free pages.
/// </summary>
/// <remarks>Not thread-safe on its own: the reference index calls it under its lock. Dispose it after the index.</remarks>
public sealed class SqliteSignalStore : ISignalStore, IDisposable
{
    /// <summary>The schema version this version of the SDK creates and reads.</summary>
    public const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;

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
    }

    /// <inheritdoc/>
    public void Load(IStoredIndexSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        using (var command = Command("SELECT id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered FROM signals ORDER BY id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                sink.Add(new StoredSignal(
                    new SignalId(reader.GetInt64(0)),
                    Bsn.FromStoredKey(reader.GetInt32(1)),
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
    }

    /// <inheritdoc/>
    public void Commit(SignalCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var erased in commit.Erasures)
        {
            using var events = Command("DELETE FROM events WHERE signal_id = $id OR other_signal_id = $id", transaction);
            events.Parameters.AddWithValue("$id", erased.Value);
            events.ExecuteNonQuery();
            using var signal = Command("DELETE FROM signals WHERE id = $id", transaction);
            signal.Parameters.AddWithValue("$id", erased.Value);
            signal.ExecuteNonQuery();
        }

        foreach (var upsert in commit.Upserts)
        {
            using var command = Command(
                """
                INSERT INTO signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, schema_version)
                VALUES ($id, $youth, $organisation, $reporter, $ticks, $route, $day, $expiry, $state, $offered, $schema)
                ON CONFLICT (id) DO UPDATE SET reporter = excluded.reporter, registered_ticks = excluded.registered_ticks,
                  day = excluded.day, expiry = excluded.expiry, state = excluded.state, offered = excluded.offered, schema_version = excluded.schema_version
                """,
                transaction);
            command.Parameters.AddWithValue("$id", upsert.Id.Value);
            command.Parameters.AddWithValue("$youth", upsert.Youth.RevealNumber());
            command.Parameters.AddWithValue("$organisation", upsert.Organisation.Value);
            command.Parameters.AddWithValue("$reporter", upsert.Reporter.Value);
            command.Parameters.AddWithValue("$ticks", upsert.RegisteredTicks);
            command.Parameters.AddWithValue("$route", (int)upsert.Route);
            command.Parameters.AddWithValue("$day", upsert.DayNumber);
            command.Parameters.AddWithValue("$expiry", (int)upsert.Expiry);
            command.Parameters.AddWithValue("$state", (int)upsert.State);
            command.Parameters.AddWithValue("$offered", upsert.OfferedAsMatch ? 1 : 0);
            command.Parameters.AddWithValue("$schema", SchemaVersion);
            command.ExecuteNonQuery();
        }

        foreach (var stored in commit.Events)
        {
            using var command = Command(
                "INSERT INTO events (signal_id, other_signal_id, type, schema_version, occurred_ticks, payload) VALUES ($signal, $other, $type, $schema, $ticks, $payload)",
                transaction);
            command.Parameters.AddWithValue("$signal", stored.Signal.Value);
            command.Parameters.AddWithValue("$other", stored.OtherSignal is { } other ? other.Value : DBNull.Value);
            command.Parameters.AddWithValue("$type", stored.Type);
            command.Parameters.AddWithValue("$schema", stored.SchemaVersion);
            command.Parameters.AddWithValue("$ticks", stored.OccurredAt.ToUnixTimeTicks());
            command.Parameters.AddWithValue("$payload", stored.Json);
            command.ExecuteNonQuery();
        }

        transaction.Commit();

        // secure_delete zeroes erased rows in the database file, but the write-ahead log still holds the frames that
        // wrote them; truncating the log after an erasure leaves no copy of the youth's number on disk.
        if (commit.Erasures.Count > 0)
        {
            Checkpoint();
        }
    }

    /// <inheritdoc/>
    public void SaveFamily(Family family)
    {
        ArgumentNullException.ThrowIfNull(family);
        using var transaction = _connection.BeginTransaction(deferred: false);
        DeleteFamily(family.Id, transaction);
        foreach (var (position, role, member) in StoredFamilyRows.RowsOf(family))
        {
            using var command = Command("INSERT INTO family_members (family_id, position, role, member) VALUES ($family, $position, $role, $member)", transaction);
            command.Parameters.AddWithValue("$family", family.Id.Value);
            command.Parameters.AddWithValue("$position", position);
            command.Parameters.AddWithValue("$role", role);
            command.Parameters.AddWithValue("$member", member);
            command.ExecuteNonQuery();
        }

        transaction.Commit();

        // A replaced family may have lost a member; keep no copy of the old rows in the write-ahead log.
        Checkpoint();
    }

    /// <inheritdoc/>
    public void RemoveFamily(FamilyId family)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        DeleteFamily(family, transaction);
        transaction.Commit();
        Checkpoint();
    }

    /// <summary>Reads the stored events about one signal, in order, for auditors and tests.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<StoredEvent> ReadEvents(SignalId signal)
    {
        using var command = Command("SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload FROM events WHERE signal_id = $id OR other_signal_id = $id ORDER BY sequence");
        command.Parameters.AddWithValue("$id", signal.Value);
        using var reader = command.ExecuteReader();
        return StoredEventRows.ReadAll(reader);
    }

    /// <summary>Writes the write-ahead log back into the database file and truncates the log.</summary>
    public void Checkpoint() => Execute("PRAGMA wal_checkpoint(TRUNCATE)");

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private IEnumerable<Family> ReadFamilies()
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
        foreach (var statement in new[]
        {
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
            string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_info (version) VALUES ({SchemaVersion})"),
        })
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

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
