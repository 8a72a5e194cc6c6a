using System;
using System.Globalization;
using System.IO;
using System.Threading;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Npgsql;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>
/// The first preview's QuickStart run on PostgreSQL, kept as the plain pg_dump of its schema (Fixtures/quickstart-0.1-preview.sql),
/// restored per test into a schema of its own and opened by today's PostgreSQL store.
/// </summary>
public sealed class PostgreSqlFirstPreviewStoreTests : FirstPreviewStoreContract, IDisposable
{
    private const string DumpedSchema = "fixture_v3";
    private static int _schemas;
    private readonly string _schema = "first_preview_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);

    public PostgreSqlFirstPreviewStoreTests()
    {
        var dump = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "quickstart-0.1-preview.sql"));
        Execute(dump.Replace(DumpedSchema, _schema, StringComparison.Ordinal));
    }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");

    protected override ISignalStore OpenFixture() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, _schema);

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
