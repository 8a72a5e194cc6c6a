using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Npgsql;

namespace CareCoordination.Sdk.PostgreSql.Tests;

public sealed class PostgreSqlAuditKeyRotationTests : AuditKeyRotationContract, IDisposable
{
    private static int _schemas;
    private readonly string _schema = string.Create(CultureInfo.InvariantCulture, $"audit_rotation_{Environment.ProcessId}_{Interlocked.Increment(ref _schemas)}");

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }

    protected override ICareCoordinationStore OpenStore() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, _schema);

    protected override void Rewrite(IReadOnlyList<AuditRecord> records)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        AuditTableRewriter.Rewrite(connection, _schema + ".audit_records", records);
    }
}
