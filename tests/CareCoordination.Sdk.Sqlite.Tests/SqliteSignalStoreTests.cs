using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Privacy;
using CareCoordination.Sdk.Tests.Storage;
using Xunit;

namespace CareCoordination.Sdk.Sqlite.Tests;

public sealed class SqliteSignalStoreTests : SignalStoreContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-sqlite-").FullName;
    private string _path;

    public SqliteSignalStoreTests() => _path = Path.Combine(_directory, "index.db");

    [Fact]
    public void Every_acknowledged_registration_of_eight_writers_sharing_group_commits_survives_the_process_being_killed_at_random_moments()
    {
        var path = Path.Combine(_directory, "killed.db");
        StoreKillTest.Run(
            runs: 20,
            writerArguments: seed => ["--writers", "8", "sqlite", path, seed],
            openStore: () => new SqliteSignalStore(path),
            readEvents: (store, signal) => ((SqliteSignalStore)store).ReadEvents(signal),
            closeStore: store => ((SqliteSignalStore)store).Dispose());
    }

    [Fact]
    public void A_second_store_on_the_same_file_is_refused_while_the_first_is_open_and_accepted_once_it_is_disposed()
    {
        var path = Path.Combine(_directory, "one-writer.db");
        var first = new SqliteSignalStore(path);
        first.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0), "{}")]);

        var error = Assert.Throws<StoreInUseException>(() => new SqliteSignalStore(path));
        first.Append("case", "1", 1, [new StreamEvent("IntakeJoined", 1, NodaTime.Instant.FromUtc(2026, 11, 24, 10, 0), "{}")]);
        first.Dispose();
        using var second = new SqliteSignalStore(path);

        Assert.Equal("SQLite file", error.Kind);
        Assert.Equal(Path.GetFullPath(path), error.Name);
        Assert.Contains(Path.GetFullPath(path), error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(second.ReadStreams("case")).Events.Count);
    }

    [Fact]
    public void A_second_store_through_a_symbolic_link_to_the_file_or_to_its_folder_is_refused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "real")).FullName;
        var path = Path.Combine(folder, "linked.db");
        using var first = new SqliteSignalStore(path);
        var fileLink = Path.Combine(_directory, "file-link.db");
        File.CreateSymbolicLink(fileLink, path);
        var folderLink = Path.Combine(_directory, "folder-link");
        Directory.CreateSymbolicLink(folderLink, folder);

        Assert.Throws<StoreInUseException>(() => new SqliteSignalStore(fileLink));
        Assert.Throws<StoreInUseException>(() => new SqliteSignalStore(Path.Combine(folderLink, "linked.db")));
    }

    [Fact]
    public void A_store_in_another_process_is_refused_while_this_one_writes_and_this_one_is_refused_while_the_other_process_writes()
    {
        var path = Path.Combine(_directory, "two-processes.db");
        using (var first = new SqliteSignalStore(path))
        {
            using var refused = StoreWriterProcess.Start("sqlite", path, "1");
            Assert.False(refused.WaitUntilWritingOrEnded(), "a second process wrote to a file this process writes to");
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains(typeof(StoreInUseException).FullName!, refused.Errors, StringComparison.Ordinal);
        }

        using (var other = StoreWriterProcess.Start("sqlite", path, "2"))
        {
            Assert.True(other.WaitUntilWritingOrEnded(), "the writer could not open a file nobody wrote to: " + other.Errors);
            Assert.Throws<StoreInUseException>(() => new SqliteSignalStore(path));

            // Killed as a crash would kill it: the system drops its lock with the process.
            other.Kill();
        }

        using var reopened = new SqliteSignalStore(path);
    }

    [Fact]
    public void The_whole_story_run_pseudonymised_leaves_no_BSN_in_the_database_file_its_write_ahead_log_or_its_shared_memory()
    {
        var plainPath = Path.Combine(_directory, "story-plain.db");
        var keyedPath = Path.Combine(_directory, "story-keyed.db");
        using (var store = new SqliteSignalStore(plainPath))
        {
            var plain = WholeStory.Run(store, seed: 51, pseudonymised: false, checkpointPath: plainPath + ".checkpoints");
            Assert.All(plain, bsn => Assert.True(StoredBytes.AnyContains(FilesOf(plainPath), bsn), "the scan must find the numbers a store keyed by BSN holds"));
        }

        IReadOnlyList<Identity.Bsn> keyed;
        using (var store = new SqliteSignalStore(keyedPath))
        {
            keyed = WholeStory.Run(store, seed: 53, pseudonymised: true, checkpointPath: keyedPath + ".checkpoints");

            // While the store is open, as in a running system, the write-ahead log and shared memory still exist; the
            // audit trail's checkpoints lie beside the database, as QuickStart and the Hosting package put them.
            Assert.Contains(keyedPath + "-wal", FilesOf(keyedPath));
            Assert.Contains(keyedPath + "-shm", FilesOf(keyedPath));
            Assert.Contains(keyedPath + ".checkpoints", FilesOf(keyedPath));
            Assert.All(keyed, bsn => Assert.False(StoredBytes.AnyContains(FilesOf(keyedPath), bsn), "a BSN is in the pseudonymised store's files"));
        }

        Assert.All(keyed, bsn => Assert.False(StoredBytes.AnyContains(FilesOf(keyedPath), bsn), "a BSN is in the pseudonymised store's file after closing"));
        using (var reopened = new SqliteSignalStore(keyedPath))
        {
            WholeStory.AssertRebuilds(reopened, keyed, pseudonymised: true, checkpoints: new Privacy.Audit.FileAuditCheckpointSink(keyedPath + ".checkpoints"));
        }
    }

    private static List<string> FilesOf(string path) => [.. new[] { path, path + "-wal", path + "-shm", path + ".checkpoints" }.Where(File.Exists)];

    [Fact]
    public void After_a_youth_is_removed_no_byte_sequence_in_the_database_files_equals_the_youths_BSN()
    {
        var path = Path.Combine(_directory, "erased.db");
        var youth = new Identity.Youth(TestBsns.First, new NodaTime.LocalDate(2014, 5, 1));
        var sibling = new Identity.Youth(TestBsns.Second, new NodaTime.LocalDate(2016, 2, 1));
        var carer = TestBsns.Generate(1, seed: 21)[0];
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 9, 0));
        using (var store = new SqliteSignalStore(path))
        {
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(1), [youth.Bsn, sibling.Bsn], [carer]));
            foreach (var organisation in new[] { TestRegion.YouthHealthCare, TestRegion.SocialWork })
            {
                index.Register(new SignalRegistration(youth, organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems).WithIdempotencyKey("k-" + organisation.Value)).ThrowIfRefused();
            }

            index.Register(new SignalRegistration(sibling, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout)).ThrowIfRefused();
            Assert.True(Contains(path, youth.Bsn), "the test must see the number while it is stored");

            index.RecordDeathAsFeed(youth.Bsn);
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(1), [sibling.Bsn], [carer]));

            // While the store is open, as in a running system: closing the last connection would checkpoint anyway.
            Assert.False(Contains(path, youth.Bsn), "a copy of the removed youth's BSN is still on disk");
            Assert.True(Contains(path, sibling.Bsn), "the sibling's signal must stay");
        }

        Assert.False(Contains(path, youth.Bsn), "a copy of the removed youth's BSN is on disk after closing");
    }

    // Every file of the store is scanned. The writer lock file is skipped only while it is empty: it is held exclusively
    // while the store is open, so reading it would fail, and a lock file with bytes in it is scanned and fails loudly.
    private static bool Contains(string databasePath, Identity.Bsn bsn) =>
        StoredBytes.AnyContains(
            Directory.GetFiles(Path.GetDirectoryName(databasePath)!, Path.GetFileName(databasePath) + "*")
                .Where(f => f != Path.GetFullPath(databasePath) + ".lock" || new FileInfo(f).Length > 0),
            bsn);

    [Fact]
    public void A_pseudonymised_index_writes_no_BSN_to_its_database_file_and_reads_its_youths_back()
    {
        var plainPath = Path.Combine(_directory, "plain.db");
        var keyedPath = Path.Combine(_directory, "keyed.db");
        var pseudonymiser = new Privacy.YouthPseudonymiser(Testing.TestKeys.Bytes("youth"));
        IReadOnlyList<Identity.Bsn> plain, keyed;
        using (var store = new SqliteSignalStore(plainPath))
        {
            plain = StoredBytes.WriteFamily(store, null, seed: 31);
        }

        using (var store = new SqliteSignalStore(keyedPath))
        {
            keyed = StoredBytes.WriteFamily(store, pseudonymiser, seed: 31);
            Assert.All(keyed, bsn => Assert.False(Contains(keyedPath, bsn), "a BSN is in the pseudonymised store's files"));
        }

        Assert.All(plain, bsn => Assert.True(Contains(plainPath, bsn), "the check must find the numbers an index keyed by BSN stores"));
        Assert.All(keyed, bsn => Assert.False(Contains(keyedPath, bsn), "a BSN is in the pseudonymised store's files"));
        using var reopened = new SqliteSignalStore(keyedPath);
        var index = new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), reopened, null, pseudonymiser);
        Assert.Equal(6, index.ActiveSignalCount);
        var result = index.Register(new SignalRegistration(new Identity.Youth(keyed[0], new NodaTime.LocalDate(2012, 3, 1)), TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout));
        Assert.Contains(result.Matches, m => m.Kind == Matching.MatchKind.SameYouth && m.OtherOrganisation == TestRegion.YouthHealthCare && m.Youth == keyed[0]);
        Assert.All(result.Matches, m => Assert.Equal(keyed[0], m.Youth));
        reopened.Dispose();
        using var withoutKey = new SqliteSignalStore(Path.Combine(_directory, "keyed.db"));
        Assert.Throws<StoreKeyingMismatchException>(() => new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), withoutKey));
    }

    [Fact]
    public void The_audit_trail_survives_a_restart_and_a_record_changed_in_the_file_is_detected()
    {
        var checkpoints = new Privacy.Audit.TextWriterAuditCheckpointSink(TextWriter.Null);
        var path = Path.Combine(_directory, "audit.db");
        string head;
        using (var store = new SqliteSignalStore(path))
        {
            head = AuditSinkChecks.Write(store, checkpoints, 5);
        }

        using (var store = new SqliteSignalStore(path))
        {
            var trail = AuditSinkChecks.Open(store, checkpoints);
            Assert.Equal((5, head), (trail.Count, trail.Head));
            Assert.True(trail.Verify().IsIntact);
            Assert.Equal("consent-3", store.LoadAuditTrail().Records[3].BasisReference);
            Assert.True(store.LoadAuditTrail().Records[3].FlaggedForReview);
        }

        Execute(path, "UPDATE audit_records SET detail = 'nothing to see' WHERE sequence = 3");

        using (var store = new SqliteSignalStore(path))
        {
            var error = Assert.Throws<Privacy.AuditTrailBrokenException>(() => AuditSinkChecks.Open(store, checkpoints));
            Assert.Equal((false, (long?)3), (error.Verification.IsIntact, error.Verification.FirstBrokenSequence));
        }
    }

    [Theory]
    [InlineData(1, "DROP TABLE audit_records; DROP TABLE audit_genesis; DROP TABLE store_settings; " + VersionThreeTables)]
    [InlineData(2, VersionThreeTables)]
    [InlineData(3, "")]
    public void A_file_from_an_older_schema_version_is_migrated_and_keeps_its_signals(int version, string laterTables)
    {
        var checkpoints = new Privacy.Audit.TextWriterAuditCheckpointSink(TextWriter.Null);
        var path = Path.Combine(_directory, FormattableString.Invariant($"v{version}.db"));
        IReadOnlyList<Identity.Bsn> people;
        using (var store = new SqliteSignalStore(path))
        {
            people = StoredBytes.WriteFamily(store, null, seed: 51);
        }

        Execute(path, laterTables + FormattableString.Invariant($"DROP TABLE family_addresses; ALTER TABLE signals DROP COLUMN age_limit_day; UPDATE schema_info SET version = {version};"));

        using (var store = new SqliteSignalStore(path))
        {
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), store);
            Assert.Equal(6, index.ActiveSignalCount);
            AuditSinkChecks.Write(store, checkpoints, 2);
            Assert.Equal(2, AuditSinkChecks.Open(store, checkpoints).Count);
            store.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0), "{}")]);
            Assert.Single(store.ReadStreams("case"));
            // The family from before the migration gets its address, and a neighbour's household moves in at it.
            var address = Families.AddressKey.Create("1234AB", 5);
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(51), [people[0], people[1], people[2]], [people[3]], address));
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(1051), [Neighbour], [], address));
        }

        using (var store = new SqliteSignalStore(path))
        {
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), store);
            var result = index.Register(new Signals.SignalRegistration(new Identity.Youth(Neighbour, new NodaTime.LocalDate(2014, 5, 1)), TestRegion.School, TestRegion.ReporterOf(TestRegion.School), Signals.ReportingCriterion.SeriousUpbringingProblems));
            Assert.Equal(6, result.MatchCount);
            Assert.All(result.Matches, m => Assert.Equal(Matching.MatchKind.Address, m.Kind));
        }
    }

    [Fact]
    public void A_file_of_version_4_keeps_its_addresses_and_learns_a_family_s_municipality_from_the_next_feed()
    {
        var path = Path.Combine(_directory, "v4-municipality.db");
        var address = Families.AddressKey.Create("3511AB", 8);
        var youth = Testing.TestBsns.Generate(1, seed: 59)[0];
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0));
        using (var store = new SqliteSignalStore(path))
        {
            new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store)
                .AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(7), [youth], [], address));
        }

        Execute(path, "ALTER TABLE family_addresses DROP COLUMN municipality; ALTER TABLE signals DROP COLUMN age_limit_day; UPDATE schema_info SET version = 4;");

        using (var store = new SqliteSignalStore(path))
        {
            Assert.Equal(0, new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store).ActiveSignalCount);
        }

        Assert.Equal("7|3511AB-8|", Query(path, "SELECT family_id || '|' || address || '|' || COALESCE(municipality, '') FROM family_addresses"));
        using (var store = new SqliteSignalStore(path))
        {
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(7), [youth], [], address, Families.MunicipalityCode.FromNumber(344)));
        }

        Assert.Equal("7|3511AB-8|344", Query(path, "SELECT family_id || '|' || address || '|' || COALESCE(municipality, '') FROM family_addresses"));
    }

    [Fact]
    public void A_file_of_version_5_gains_the_age_limit_column_and_the_next_renewal_fills_it()
    {
        var path = Path.Combine(_directory, "v5-age-limit.db");
        var youth = new Identity.Youth(Testing.TestBsns.Generate(1, seed: 61)[0], new NodaTime.LocalDate(2006, 3, 1));
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0));
        var registration = new Signals.SignalRegistration(youth, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), Signals.ReportingCriterion.SeriousUpbringingProblems);
        using (var store = new SqliteSignalStore(path))
        {
            new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store).Register(registration).ThrowIfRefused();
        }

        Execute(path, "ALTER TABLE signals DROP COLUMN age_limit_day; UPDATE schema_info SET version = 5;");

        using (var store = new SqliteSignalStore(path))
        {
            Assert.Equal("|6", Query(path, "SELECT COALESCE(age_limit_day, '') || '|' || (SELECT MAX(version) FROM schema_info) FROM signals"));
            clock.Advance(NodaTime.Duration.FromDays(1));
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
            Assert.Equal(Signals.RegistrationOutcome.Renewed, index.Register(registration).Outcome);
        }

        // The 23rd birthday of a youth born on 1 March 2006, as a day number.
        Assert.Equal("740771", Query(path, "SELECT CAST(age_limit_day AS TEXT) FROM signals"));
    }

    private static string? Query(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static readonly Identity.Bsn Neighbour = Testing.TestBsns.Generate(1, seed: 97)[0];

    private const string VersionThreeTables = "DROP TABLE stream_events; DROP TABLE idempotency_keys; DROP TABLE idempotency_signals; ";

    private static void Execute(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
