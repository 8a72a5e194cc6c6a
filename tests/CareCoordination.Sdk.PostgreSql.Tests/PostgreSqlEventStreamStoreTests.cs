using System;
using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Npgsql;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>The event stream contract against the real PostgreSQL server README's test command starts, a fresh schema per property case.</summary>
public sealed class PostgreSqlEventStreamStoreTests : EventStreamStoreContract
{
    private static int _schemas;
    private readonly List<string> _created = [];
    private string _schema;

    public PostgreSqlEventStreamStoreTests() => _schema = NewSchema();

    public override void Dispose()
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        foreach (var schema in _created)
        {
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            command.ExecuteNonQuery();
        }

        base.Dispose();
    }

    protected override IEventStreamStore OpenStreams() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, _schema);

    protected override void CloseStreams(IEventStreamStore store) => ((PostgreSqlSignalStore)store).Dispose();

    protected override void ResetStreams() => _schema = NewSchema();

    private string NewSchema()
    {
        var schema = "streams_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + System.Threading.Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
        _created.Add(schema);
        return schema;
    }
}
