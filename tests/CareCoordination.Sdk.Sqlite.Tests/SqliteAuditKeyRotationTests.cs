using System;
using System.Collections.Generic;
using System.IO;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Sqlite.Tests;

public sealed class SqliteAuditKeyRotationTests : AuditKeyRotationContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-audit-rotation-").FullName;

    private string DatabasePath => Path.Combine(_directory, "audit.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override ICareCoordinationStore OpenStore() => new SqliteSignalStore(DatabasePath);

    protected override void Rewrite(IReadOnlyList<AuditRecord> records)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        AuditTableRewriter.Rewrite(connection, "audit_records", records);
    }
}
