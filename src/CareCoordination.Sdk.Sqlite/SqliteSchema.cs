using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Sqlite;

/// <summary>
/// The SQLite file's tables and how each schema version comes from the one before: a file from an older SDK keeps its
/// rows and gains the new tables in one transaction; a file from a newer SDK is refused.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this version of the SDK creates and reads.</summary>
    public const int Version = 6;

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

    private static readonly string[] VersionFour =
    [
        "CREATE TABLE family_addresses (family_id INTEGER PRIMARY KEY, address TEXT NOT NULL)",
    ];

    private static readonly string[] VersionFive =
    [
        "ALTER TABLE family_addresses ADD COLUMN municipality INTEGER",
    ];

    private static readonly string[] VersionSix =
    [
        "ALTER TABLE signals ADD COLUMN age_limit_day INTEGER",
    ];

    /// <summary>Creates the schema in an empty file, or migrates an older one to <see cref="Version"/>.</summary>
    /// <exception cref="UnsupportedSchemaVersionException">The file was written by a newer version of the SDK.</exception>
    /// <exception cref="CorruptStoredDataException">The file claims this version but lacks a table or a column of it, or holds the tables without a version.</exception>
    public static void Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT MAX(version) FROM schema_info";
        var found = read.ExecuteScalar() is long version ? (int)version : 0;
        if (found > Version)
        {
            throw new UnsupportedSchemaVersionException("SQLite store", found, Version);
        }

        if (found == Version)
        {
            RequireTables(connection);
            return;
        }

        if (found == 0 && TableExists(connection, "signals"))
        {
            // A file whose version row was removed still holds the tables; creating them again would fail on the first.
            throw new CorruptStoredDataException(new QuarantinedRow("schema_info", "version", "the file holds the SDK's tables but no schema version"), null);
        }

        using var transaction = connection.BeginTransaction(deferred: false);
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

        if (found < 3)
        {
            // Version 3 adds the aggregates' event streams and the durable idempotency keys.
            statements.AddRange(VersionThree);
        }

        if (found < 4)
        {
            // Version 4 adds the families' address keys: a family from an older file has no address until the feed gives one.
            statements.AddRange(VersionFour);
        }

        if (found < 5)
        {
            // Version 5 adds the municipality of a family's address, so that a move to another municipality is recognised
            // after a restart; an address from an older file has no municipality until the feed gives it again.
            statements.AddRange(VersionFive);
        }

        // Version 6 adds the youth's age-limit day to the signals whose archive could outlive it, so that the archive is
        // deleted on the 23rd birthday; a signal from an older file has none, and its archive ends after the archive period.
        statements.AddRange(VersionSix);
        statements.Add(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_info (version) VALUES ({Version})"));
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.Transaction = transaction;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void RequireTables(SqliteConnection connection)
    {
        foreach (var (table, expected) in RelationalLayout.Tables)
        {
            var columns = new List<string>();
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT name FROM pragma_table_info($table) ORDER BY cid";
                read.Parameters.AddWithValue("$table", table);
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            if (RelationalLayout.ProblemWith(columns, expected) is { } problem)
            {
                throw new CorruptStoredDataException(new QuarantinedRow("(schema)", table, problem), null);
            }
        }
    }

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $table";
        read.Parameters.AddWithValue("$table", table);
        return read.ExecuteScalar() is long count && count > 0;
    }
}
