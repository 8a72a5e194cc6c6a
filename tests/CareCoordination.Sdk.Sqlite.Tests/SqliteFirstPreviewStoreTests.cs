using System;
using System.IO;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;

namespace CareCoordination.Sdk.Sqlite.Tests;

/// <summary>The first preview's QuickStart file (Fixtures/quickstart-0.1-preview.db), copied per test and opened by today's SQLite store.</summary>
public sealed class SqliteFirstPreviewStoreTests : FirstPreviewStoreContract, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "first-preview-" + Guid.NewGuid().ToString("N") + ".db");

    public SqliteFirstPreviewStoreTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "quickstart-0.1-preview.db"), _path);

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + ".lock" })
        {
            File.Delete(file);
        }
    }

    protected override ISignalStore OpenFixture() => new SqliteSignalStore(_path);
}
