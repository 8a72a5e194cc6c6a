using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Npgsql;
using Xunit;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>
/// The whole story written by schema version 6, kept as the plain pg_dump of its schema (Fixtures/quickstart-schema-6.sql),
/// restored per test into a schema of its own and opened by today's PostgreSQL store; and the fixture's writer, skipped
/// unless CARECOORDINATION_WRITE_FIXTURES=1 (Fixtures/README.md).
/// </summary>
public sealed class PostgreSqlSchemaVersionSixStoreTests : SchemaVersionSixStoreContract, IDisposable
{
    // The name the dump gives the schema; each test restores it under a name of its own.
    private const string DumpedSchema = "fixture_v6";
    private static int _schemas;
    private readonly string _schema = "schema_six_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
    private readonly string _fresh = "schema_fresh_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
    private bool _restored;

    public void Dispose()
    {
        DeleteCheckpoints();
        Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        Execute($"DROP SCHEMA IF EXISTS {_fresh} CASCADE");
    }

    [Fact]
    public void The_newest_fixture_is_written_by_the_current_schema_version()
    {
        // When the schema version is raised, write the new version's fixture and keep this one: it is the store to migrate from.
        Restore();
        Assert.Equal(PostgreSqlSchema.Version, StoredVersion(_schema));
        Assert.Equal(SchemaVersion, StoredVersion(_schema));
    }

    [Fact]
    public void A_store_of_schema_version_6_opened_today_has_exactly_the_tables_columns_and_indexes_of_a_new_store()
    {
        ((IDisposable)OpenFixture()).Dispose();
        ((IDisposable)new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, _fresh)).Dispose();

        Assert.Equal(Layout(_fresh), Layout(_schema));
    }

    [FixtureWriterFact]
    public void Writes_the_fixture_of_the_current_schema_version()
    {
        var written = "fixture_writer_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var dump = Path.Combine(Path.GetTempPath(), written + ".sql");
        var checkpoints = Path.Combine(Path.GetTempPath(), written + ".checkpoints");
        Execute($"DROP SCHEMA IF EXISTS {written} CASCADE");
        try
        {
            var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, written);
            try
            {
                WriteStory(store, checkpoints);
            }
            finally
            {
                ((IDisposable)store).Dispose();
            }

            var connection = new NpgsqlConnectionStringBuilder(PostgreSqlSignalStoreTests.ConnectionString);
            var start = new ProcessStartInfo(PgDump(), ["--schema", written, "--no-owner", "--no-privileges", "--inserts", "--file", dump]);
            start.Environment["PGHOST"] = connection.Host;
            start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
            start.Environment["PGUSER"] = connection.Username;
            start.Environment["PGPASSWORD"] = connection.Password ?? string.Empty;
            start.Environment["PGDATABASE"] = connection.Database;
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);

            var fixture = Path.Combine(FixtureWriterFactAttribute.FixturesOf("CareCoordination.Sdk.PostgreSql.Tests"), FixtureName(PostgreSqlSchema.Version));
            // Plain SQL that one command runs: INSERTs rather than COPY from standard input, and without psql's \restrict
            // lines, which newer pg_dumps write around a dump and which only psql understands.
            var lines = File.ReadAllLines(dump).Where(l => !l.StartsWith("\\restrict ", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict ", StringComparison.Ordinal));
            File.Copy(checkpoints, Path.Combine(FixtureWriterFactAttribute.FixturesOf("CareCoordination.Sdk.PostgreSql.Tests"), CheckpointsName(PostgreSqlSchema.Version)), overwrite: true);
            File.WriteAllText(fixture, string.Join('\n', lines).Replace(written, "fixture_v" + PostgreSqlSchema.Version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + "\n");
        }
        finally
        {
            Execute($"DROP SCHEMA IF EXISTS {written} CASCADE");
            File.Delete(dump);
            File.Delete(checkpoints);
        }
    }

    protected override ISignalStore OpenFixture()
    {
        Restore();
        return new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, _schema);
    }

    private static string FixtureName(int version) => $"quickstart-schema-{version}.sql";

    /// <summary>The pg_dump of CARECOORDINATION_PG_DUMP, else of the newest PostgreSQL in Debian's folders (as scripts/postgres.sh finds it), else on the path.</summary>
    private static string PgDump() =>
        Environment.GetEnvironmentVariable("CARECOORDINATION_PG_DUMP")
        ?? (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault() : null)
        ?? "pg_dump";

    /// <summary>Restores the dump into the test's own schema the first time the test needs it: the fixture's writer runs before there is one.</summary>
    private void Restore()
    {
        if (!_restored)
        {
            var dump = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", FixtureName(SchemaVersion)));
            Execute(dump.Replace(DumpedSchema, _schema, StringComparison.Ordinal));
            _restored = true;
        }
    }

    private static int StoredVersion(string schema)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT max(version) FROM {schema}.schema_info", connection);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every table's columns (name, type, nullability, default) and every constraint and index, in a stable order, with the schema's name left out.</summary>
    private static List<string> Layout(string schema)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable || ' default=' || replace(coalesce(column_default, '-'), @schema || '.', '')
            FROM information_schema.columns WHERE table_schema = @schema
            UNION ALL
            SELECT 'constraint ' || c.conname || ' on ' || t.relname || ': ' || replace(pg_get_constraintdef(c.oid), @schema || '.', '')
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = @schema
            UNION ALL
            SELECT 'index ' || indexname || ' on ' || tablename || ': ' || replace(indexdef, @schema || '.', '')
            FROM pg_indexes WHERE schemaname = @schema
            ORDER BY 1
            """,
            connection);
        command.Parameters.AddWithValue("schema", schema);
        var layout = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            layout.Add(reader.GetString(0));
        }

        return layout;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
