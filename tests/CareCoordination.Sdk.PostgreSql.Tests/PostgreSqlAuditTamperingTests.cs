using System;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Npgsql;

namespace CareCoordination.Sdk.PostgreSql.Tests;

public sealed class PostgreSqlAuditTamperingTests : AuditTamperingContract, IDisposable
{
    private static int _schemas;
    private readonly string _schema = string.Create(CultureInfo.InvariantCulture, $"audit_tamper_{Environment.ProcessId}_{Interlocked.Increment(ref _schemas)}");

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }

    protected override ICareCoordinationStore OpenStore() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, _schema);

    protected override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        return connection;
    }

    protected override string Table(string name) => _schema + "." + name;
}
