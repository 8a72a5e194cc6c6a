using System;
using System.IO;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;

namespace CareCoordination.Sdk.Sqlite.Tests;

/// <summary>The event stream contract against a SQLite file, closed and reopened between writing and reading.</summary>
public sealed class SqliteEventStreamStoreTests : EventStreamStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-streams-").FullName;
    private int _files;
    private string _path;

    public SqliteEventStreamStoreTests() => _path = NewPath();

    public override void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        base.Dispose();
    }

    protected override IEventStreamStore OpenStreams() => new SqliteSignalStore(_path);

    protected override void CloseStreams(IEventStreamStore store) => ((SqliteSignalStore)store).Dispose();

    protected override void ResetStreams() => _path = NewPath();

    private string NewPath() => Path.Combine(_directory, FormattableString.Invariant($"streams-{++_files}.db"));
}
