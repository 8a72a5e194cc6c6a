using System;
using System.Text.RegularExpressions;
using CareCoordination.Sdk.PostgreSql;
using CareCoordination.Sdk.Storage;
using Npgsql;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>
/// A PostgreSQL server the user names with a connection string (their own server, not only a throwaway one). The
/// benchmark writes only into its own schema and drops only that schema, and only with --overwrite when it existed.
/// </summary>
internal sealed partial class PostgresTarget(string connectionString, string schema) : BenchTarget
{
    public override string Name
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}, schema {schema}";
        }
    }

    public override bool IsDurable => true;

    public override string? Check(bool overwrite)
    {
        if (!SchemaName().IsMatch(schema))
        {
            return $"--postgres-schema must be a plain lower-case identifier (letters, digits, underscores, at most 63); it is '{schema}'.";
        }

        try
        {
            using var connection = Open();
            using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            var exists = (bool)command.ExecuteScalar()!;
            return exists && !overwrite
                ? $"The schema '{schema}' already exists on that server; the benchmark starts from an empty store. Pass --overwrite to drop it first, or choose another --postgres-schema."
                : null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return "Cannot reach PostgreSQL with the connection string given: " + e.Message;
        }
    }

    public override ISignalStore? OpenEmpty()
    {
        using (var connection = Open())
        using (var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection))
        {
            command.ExecuteNonQuery();
        }

        return new PostgreSqlSignalStore(connectionString, schema);
    }

    public override ISignalStore Reopen() => new PostgreSqlSignalStore(connectionString, schema);

    public override long? SizeOnDisk()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return (long)command.ExecuteScalar()!;
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
