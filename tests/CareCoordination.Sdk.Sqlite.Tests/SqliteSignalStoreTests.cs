using System;
using System.Collections.Generic;
using System.IO;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using Xunit;

namespace CareCoordination.Sdk.Sqlite.Tests;

public sealed class SqliteSignalStoreTests : SignalStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-sqlite-").FullName;
    private string _path;

    public SqliteSignalStoreTests() => _path = Path.Combine(_directory, "index.db");

    [Fact]
    public void Every_acknowledged_registration_survives_the_writer_being_killed_at_random_moments()
    {
        var path = Path.Combine(_directory, "killed.db");
        StoreKillTest.Run(
            runs: 20,
            writerArguments: seed => ["sqlite", path, seed],
            openStore: () => new SqliteSignalStore(path),
            readEvents: (store, signal) => ((SqliteSignalStore)store).ReadEvents(signal),
            closeStore: store => ((SqliteSignalStore)store).Dispose());
    }

    [Fact]
    public void A_file_from_a_newer_schema_is_refused_with_a_message_that_says_so()
    {
        using (var store = new SqliteSignalStore(_path))
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + _path + ";Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_info (version) VALUES (99)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<Serialization.UnsupportedSchemaVersionException>(() => new SqliteSignalStore(_path));
        Assert.Equal(99, error.SchemaVersion);
        Assert.Contains("Upgrade the SDK", error.Message, StringComparison.Ordinal);
    }

    public override void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        base.Dispose();
    }

    protected override ISignalStore OpenStore() => new SqliteSignalStore(_path);

    protected override void CloseStore(ISignalStore store) => ((SqliteSignalStore)store).Dispose();

    protected override IReadOnlyList<StoredEvent> ReadEvents(ISignalStore store, SignalId signal) => ((SqliteSignalStore)store).ReadEvents(signal);

    protected override void ResetStore() => _path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
}
