using System.IO;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>The embedded SQLite store: one file (with its write-ahead log) at a path the user gives.</summary>
internal sealed class SqliteTarget(string path) : BenchTarget
{
    private readonly string _path = Path.GetFullPath(path);

    public override string Name => "SQLite file " + _path;

    public override bool IsDurable => true;

    public override string? Check(bool overwrite)
    {
        if (File.Exists(_path) && !overwrite)
        {
            return $"The SQLite file {_path} already exists; the benchmark starts from an empty store. Remove it, choose another --sqlite-path, or pass --overwrite.";
        }

        var directory = Path.GetDirectoryName(_path);
        return directory is not null && !Directory.Exists(directory) ? $"The folder of --sqlite-path does not exist: {directory}." : null;
    }

    public override ISignalStore? OpenEmpty()
    {
        foreach (var file in Files())
        {
            File.Delete(file);
        }

        return new SqliteSignalStore(_path);
    }

    public override ISignalStore Reopen() => new SqliteSignalStore(_path);

    public override long? SizeOnDisk()
    {
        long size = 0;
        foreach (var file in Files())
        {
            if (File.Exists(file))
            {
                size += new FileInfo(file).Length;
            }
        }

        return size;
    }

    public override void Close(ISignalStore? store)
    {
        if (store is SqliteSignalStore sqlite)
        {
            // Fold the write-ahead log into the file so that the size on disk is what the store settles at.
            sqlite.Checkpoint();
            sqlite.Dispose();
        }
    }

    private string[] Files() => [_path, _path + "-wal", _path + "-shm"];
}
