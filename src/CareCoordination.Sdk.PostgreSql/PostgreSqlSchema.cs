using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Npgsql;

namespace CareCoordination.Sdk.PostgreSql;

/// <summary>
/// The store's tables in their own PostgreSQL schema, and how each schema version comes from the one before: a schema
/// from an older SDK keeps its rows and gains the new tables in one transaction; one from a newer SDK is refused.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The schema version this version of the SDK creates and reads.</summary>
    public const int Version = 6;

    /// <summary>Creates the tables in a new schema, or migrates an older one to <see cref="Version"/>.</summary>
    /// <exception cref="UnsupportedSchemaVersionException">The schema was written by a newer version of the SDK.</exception>
    /// <exception cref="CorruptStoredDataException">The schema claims this version but lacks a table or a column of it, or holds the tables without a version.</exception>
    public static void Migrate(NpgsqlConnection connection, string schema)
    {
        foreach (var create in (string[])[$"CREATE SCHEMA IF NOT EXISTS {schema}", $"CREATE TABLE IF NOT EXISTS {schema}.schema_info (version INTEGER NOT NULL)"])
        {
            using var command = new NpgsqlCommand(create, connection);
            command.ExecuteNonQuery();
        }

        using var read = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {schema}.schema_info", connection);
        var found = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (found > Version)
        {
            throw new UnsupportedSchemaVersionException("PostgreSQL store", found, Version);
        }

        if (found == Version)
        {
            RequireTables(connection, schema);
            return;
        }

        if (found == 0 && Columns(connection, schema, "signals").Count > 0)
        {
            // A schema whose version row was removed still holds the tables; creating them again would fail on the first.
            throw new CorruptStoredDataException(new QuarantinedRow("schema_info", "version", "the schema holds the SDK's tables but no schema version"), null);
        }

        using var transaction = connection.BeginTransaction();
        var statements = new List<string>();
        if (found < 1)
        {
            statements.AddRange(
            [
                $"""
                CREATE TABLE {schema}.signals (
                  id BIGINT PRIMARY KEY, youth INTEGER NOT NULL, organisation INTEGER NOT NULL, reporter INTEGER NOT NULL,
                  registered_ticks BIGINT NOT NULL, route SMALLINT NOT NULL, day INTEGER NOT NULL, expiry SMALLINT NOT NULL,
                  state SMALLINT NOT NULL, offered BOOLEAN NOT NULL, schema_version INTEGER NOT NULL)
                """,
                $"CREATE INDEX signals_youth ON {schema}.signals (youth)",
                $"""
                CREATE TABLE {schema}.events (
                  sequence BIGSERIAL PRIMARY KEY, signal_id BIGINT NOT NULL, other_signal_id BIGINT,
                  type TEXT NOT NULL, schema_version INTEGER NOT NULL, occurred_ticks BIGINT NOT NULL, payload JSONB NOT NULL)
                """,
                $"CREATE INDEX events_signal ON {schema}.events (signal_id)",
                $"CREATE INDEX events_other_signal ON {schema}.events (other_signal_id)",
                $"CREATE TABLE {schema}.family_members (family_id INTEGER NOT NULL, position INTEGER NOT NULL, role SMALLINT NOT NULL, member INTEGER NOT NULL, PRIMARY KEY (family_id, position))",
            ]);
        }

        if (found < 2)
        {
            // Version 2 adds the audit trail: a schema from version 1 keeps its signals and gains an empty trail.
            statements.Add(
                $"CREATE TABLE {schema}.audit_records (sequence BIGINT PRIMARY KEY, at_ticks BIGINT NOT NULL, user_id TEXT NOT NULL, role SMALLINT NOT NULL, "
                + "organisation INTEGER, system TEXT NOT NULL, subject TEXT, action SMALLINT NOT NULL, data SMALLINT NOT NULL, detail TEXT NOT NULL, "
                + "basis SMALLINT, basis_reference TEXT, flagged BOOLEAN NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL)");
            statements.Add($"CREATE TABLE {schema}.audit_genesis (hash TEXT NOT NULL, sequence BIGINT NOT NULL)");
            statements.Add($"CREATE TABLE {schema}.store_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }

        if (found < 3)
        {
            // Version 3 adds the aggregates' event streams and the durable idempotency keys.
            statements.Add(
                $"""
                CREATE TABLE {schema}.stream_events (
                  kind TEXT NOT NULL, stream TEXT NOT NULL, version INTEGER NOT NULL, type TEXT NOT NULL,
                  schema_version INTEGER NOT NULL, at_ticks BIGINT NOT NULL, payload JSONB NOT NULL, PRIMARY KEY (kind, stream, version))
                """);
            statements.Add($"CREATE TABLE {schema}.idempotency_keys (key TEXT PRIMARY KEY, at_ticks BIGINT NOT NULL, schema_version INTEGER NOT NULL, answer JSONB NOT NULL)");
            statements.Add($"CREATE TABLE {schema}.idempotency_signals (key TEXT NOT NULL, signal_id BIGINT NOT NULL, PRIMARY KEY (key, signal_id))");
            statements.Add($"CREATE INDEX idempotency_signals_signal ON {schema}.idempotency_signals (signal_id)");
        }

        if (found < 4)
        {
            // Version 4 adds the families' address keys: a family from an older schema has no address until the feed gives one.
            statements.Add($"CREATE TABLE {schema}.family_addresses (family_id INTEGER PRIMARY KEY, address TEXT NOT NULL)");
        }

        if (found < 5)
        {
            // Version 5 adds the municipality of a family's address, so that a move to another municipality is recognised
            // after a restart; an address from an older schema has no municipality until the feed gives it again.
            statements.Add($"ALTER TABLE {schema}.family_addresses ADD COLUMN municipality SMALLINT");
        }

        // Version 6 adds the youth's age-limit day to the signals whose archive could outlive it, so that the archive is
        // deleted on the 23rd birthday; a signal from an older schema has none, and its archive ends after the archive period.
        statements.Add($"ALTER TABLE {schema}.signals ADD COLUMN age_limit_day INTEGER");
        statements.Add($"INSERT INTO {schema}.schema_info (version) VALUES ({Version})");
        foreach (var statement in statements)
        {
            using var command = new NpgsqlCommand(statement, connection, transaction);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void RequireTables(NpgsqlConnection connection, string schema)
    {
        foreach (var (table, expected) in RelationalLayout.Tables)
        {
            if (RelationalLayout.ProblemWith(Columns(connection, schema, table), expected) is { } problem)
            {
                throw new CorruptStoredDataException(new QuarantinedRow("(schema)", table, problem), null);
            }
        }
    }

    private static List<string> Columns(NpgsqlConnection connection, string schema, string table)
    {
        using var read = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position", connection);
        read.Parameters.Add(new NpgsqlParameter { Value = schema });
        read.Parameters.Add(new NpgsqlParameter { Value = table });
        using var reader = read.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
