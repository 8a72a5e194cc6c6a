using System;
using System.Data.Common;
using System.IO;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Sqlite.Tests;

public sealed class SqliteAuditTamperingTests : AuditTamperingContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-audit-").FullName;

    private string DatabasePath => Path.Combine(_directory, "audit.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override ICareCoordinationStore OpenStore() => new SqliteSignalStore(DatabasePath);

    protected override DbConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    protected override string Table(string name) => name;
}
