using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Migration;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Storage;
using Xunit;

namespace CareCoordination.Sdk.Sqlite.Tests;

public sealed class SqliteYouthKeyMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-rekey-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_BSN_keyed_SQLite_file_moved_to_a_pseudonymised_file_keeps_every_area_and_the_new_file_holds_no_BSN()
    {
        var sourcePath = Path.Combine(_directory, "bsn.db");
        var targetPath = Path.Combine(_directory, "pseudonymised.db");
        var keying = YouthKeying.Pseudonymised(new YouthPseudonymiser(TestKeys.Bytes("youth")));
        IReadOnlyList<Identity.Bsn> people;
        using (var source = new SqliteSignalStore(sourcePath))
        {
            people = WholeStory.Run(source, seed: 71, pseudonymised: false, checkpointPath: sourcePath + ".checkpoints");
            using var target = new SqliteSignalStore(targetPath);
            YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, keying);
            MigratedStore.AssertSameContents(source, YouthKeying.ByBsn, target, keying, people);
        }

        Assert.All(people, bsn => Assert.True(StoredBytes.AnyContains(FilesOf(sourcePath), bsn), "the source keyed by BSN keeps its numbers: the scan must find them"));
        Assert.All(people, bsn => Assert.False(StoredBytes.AnyContains(FilesOf(targetPath), bsn), "a BSN is in the migrated file"));

        // The migrated trail is the source's up to the migration: it starts from the source's checkpoints, and from
        // then on the two trails have checkpoints of their own.
        File.Copy(sourcePath + ".checkpoints", targetPath + ".checkpoints");
        using (var reopened = new SqliteSignalStore(targetPath))
        {
            WholeStory.AssertRebuilds(reopened, people, pseudonymised: true, checkpoints: new FileAuditCheckpointSink(targetPath + ".checkpoints"));
        }

        using (var source = new SqliteSignalStore(sourcePath))
        {
            Assert.Equal("bsn", source.ReadYouthKeying());
            WholeStory.AssertRebuilds(source, people, pseudonymised: false, checkpoints: new FileAuditCheckpointSink(sourcePath + ".checkpoints"));
        }
    }

    [Fact]
    public void Rotating_the_key_of_a_SQLite_file_keeps_every_area_under_the_new_key()
    {
        var sourcePath = Path.Combine(_directory, "old-key.db");
        var targetPath = Path.Combine(_directory, "new-key.db");
        var oldKeying = YouthKeying.Pseudonymised(new YouthPseudonymiser(TestKeys.Bytes("youth")));
        var newKey = new YouthPseudonymiser(TestKeys.Bytes("youth-rotated"));
        IReadOnlyList<Identity.Bsn> people;
        using (var source = new SqliteSignalStore(sourcePath))
        using (var target = new SqliteSignalStore(targetPath))
        {
            people = WholeStory.Run(source, seed: 72, pseudonymised: true, checkpointPath: sourcePath + ".checkpoints");
            YouthKeyMigration.Migrate(source, oldKeying, target, YouthKeying.Pseudonymised(newKey));
            MigratedStore.AssertSameContents(source, oldKeying, target, YouthKeying.Pseudonymised(newKey), people);
        }

        Assert.All(people, bsn => Assert.False(StoredBytes.AnyContains(FilesOf(targetPath), bsn), "a BSN is in the migrated file"));
        using var reopened = new SqliteSignalStore(targetPath);
        WholeStory.AssertRebuilds(reopened, people, pseudonymised: true, newKey, new FileAuditCheckpointSink(sourcePath + ".checkpoints"));
    }

    private static List<string> FilesOf(string path) => [.. new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists)];
}
