using System;
using System.Collections.Generic;
using System.IO;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace CareCoordination.Sdk.Sqlite.Tests;

/// <summary>
/// The whole story written by schema version 6 (Fixtures/quickstart-schema-6.db), copied per test and opened by today's
/// SQLite store; and the fixture's writer, skipped unless CARECOORDINATION_WRITE_FIXTURES=1 (Fixtures/README.md).
/// </summary>
public sealed class SqliteSchemaVersionSixStoreTests : SchemaVersionSixStoreContract, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "schema-6-" + Guid.NewGuid().ToString("N") + ".db");
    private string? _copied;
    private readonly string _fresh = Path.Combine(Path.GetTempPath(), "schema-fresh-" + Guid.NewGuid().ToString("N") + ".db");

    public void Dispose()
    {
        DeleteCheckpoints();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _path, _fresh })
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".lock" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void The_newest_fixture_is_written_by_the_current_schema_version()
    {
        // When the schema version is raised, write the new version's fixture and keep this one: it is the store to migrate from.
        Assert.Equal(SqliteSchema.Version, StoredVersion(Copy()));
        Assert.Equal(SchemaVersion, StoredVersion(Copy()));
    }

    [Fact]
    public void A_store_of_schema_version_6_opened_today_has_exactly_the_tables_columns_and_indexes_of_a_new_store()
    {
        ((IDisposable)OpenFixture()).Dispose();
        ((IDisposable)new SqliteSignalStore(_fresh)).Dispose();

        Assert.Equal(Layout(_fresh), Layout(Copy()));
    }

    [FixtureWriterFact]
    public void Writes_the_fixture_of_the_current_schema_version()
    {
        var written = Path.Combine(Path.GetTempPath(), "schema-writer-" + Guid.NewGuid().ToString("N") + ".db");
        var store = new SqliteSignalStore(written);
        try
        {
            WriteStory(store, written + ".checkpoints");
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }

        // The fixture is one file: the write-ahead log is folded into it, and the free pages left by the story dropped.
        using (var connection = new SqliteConnection($"Data Source={written};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;";
            command.ExecuteNonQuery();
        }

        var fixtures = FixtureWriterFactAttribute.FixturesOf("CareCoordination.Sdk.Sqlite.Tests");
        File.Copy(written, Path.Combine(fixtures, FixtureName(SqliteSchema.Version)), overwrite: true);
        File.Copy(written + ".checkpoints", Path.Combine(fixtures, CheckpointsName(SqliteSchema.Version)), overwrite: true);
        foreach (var file in new[] { written, written + "-wal", written + "-shm", written + ".lock", written + ".checkpoints" })
        {
            File.Delete(file);
        }
    }

    protected override ISignalStore OpenFixture() => new SqliteSignalStore(Copy());

    /// <summary>The test's own copy of the fixture, made when first needed: the fixture's writer runs before there is one.</summary>
    private string Copy()
    {
        if (_copied is null)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", FixtureName(SchemaVersion)), _path);
            _copied = _path;
        }

        return _copied;
    }

    private static string FixtureName(int version) => $"quickstart-schema-{version}.db";

    private static long StoredVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM schema_info";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every table's columns (name, type, not null, default, key position) and every index, trigger and view, in a stable order.</summary>
    private static List<string> Layout(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' default=' || ifnull(p.dflt_value, '-') || ' pk=' || p.pk
            FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
            UNION ALL
            SELECT m.type || ' ' || m.name || ' on ' || m.tbl_name || ': ' || ifnull(m.sql, '(implicit)') FROM sqlite_master m WHERE m.type <> 'table'
            ORDER BY 1
            """;
        var layout = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            layout.Add(reader.GetString(0));
        }

        return layout;
    }
}
