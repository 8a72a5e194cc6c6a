using System;
using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using CareCoordination.Sdk.Tests.Privacy;
using Npgsql;
using Xunit;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>The store contract against a real PostgreSQL server: the one README's test command starts on loopback.</summary>
public sealed class PostgreSqlSignalStoreTests : SignalStoreContract
{
    private static int _schemas;
    private readonly List<string> _created = [];
    private string _schema;

    public PostgreSqlSignalStoreTests() => _schema = NewSchema();

    /// <summary>Gets the server README's test command started; without it these tests fail rather than pass unseen.</summary>
    internal static string ConnectionString =>
        Environment.GetEnvironmentVariable("CARECOORDINATION_TEST_POSTGRES")
        ?? throw new InvalidOperationException("CARECOORDINATION_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL server.");

    [Fact]
    public void Every_acknowledged_registration_of_eight_writers_sharing_group_commits_survives_the_process_being_killed_at_random_moments()
    {
        var schema = NewSchema();
        var connection = ConnectionString;
        StoreKillTest.Run(
            runs: 20,
            writerArguments: seed => ["--writers", "8", "postgres", connection, seed, schema],
            openStore: () => OpenWhenReleased(connection, schema),
            readEvents: (store, signal) => ((PostgreSqlSignalStore)store).ReadEvents(signal),
            closeStore: store => ((PostgreSqlSignalStore)store).Dispose());
    }

    /// <summary>The killed writer's server session ends a moment after the process; until then it holds the writer lock.</summary>
    private static PostgreSqlSignalStore OpenWhenReleased(string connection, string schema)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new PostgreSqlSignalStore(connection, schema);
            }
            catch (StoreInUseException) when (attempt < 100)
            {
                System.Threading.Thread.Sleep(100);
            }
        }
    }

    [Fact]
    public void A_pseudonymised_index_writes_no_BSN_to_its_tables_and_indexes()
    {
        var plainSchema = NewSchema();
        var keyedSchema = NewSchema();
        IReadOnlyList<Identity.Bsn> plain, keyed;
        using (var store = new PostgreSqlSignalStore(ConnectionString, plainSchema))
        {
            plain = StoredBytes.WriteFamily(store, null, seed: 41);
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, keyedSchema))
        {
            keyed = StoredBytes.WriteFamily(store, new Privacy.YouthPseudonymiser(Testing.TestKeys.Bytes("youth")), seed: 43);
        }

        var plainFiles = RelationFiles(plainSchema);
        var keyedFiles = RelationFiles(keyedSchema);

        Assert.NotEmpty(keyedFiles);
        Assert.All(plain, bsn => Assert.True(StoredBytes.AnyContains(plainFiles, bsn), "the check must find the numbers an index keyed by BSN stores"));
        Assert.All(keyed, bsn => Assert.False(StoredBytes.AnyContains(keyedFiles, bsn), "a BSN is in the pseudonymised schema's files"));
    }

    [Fact]
    public void The_whole_story_run_pseudonymised_leaves_no_BSN_in_the_schemas_tables_indexes_toast_or_checkpoints()
    {
        var plainSchema = NewSchema();
        var keyedSchema = NewSchema();
        var checkpoints = System.IO.Directory.CreateTempSubdirectory("carecoordination-pg-checkpoints-").FullName;
        var keyedCheckpoints = System.IO.Path.Combine(checkpoints, "keyed.checkpoints");
        IReadOnlyList<Identity.Bsn> plain, keyed;
        using (var store = new PostgreSqlSignalStore(ConnectionString, plainSchema))
        {
            plain = WholeStory.Run(store, seed: 61, pseudonymised: false);
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, keyedSchema))
        {
            keyed = WholeStory.Run(store, seed: 63, pseudonymised: true, checkpointPath: keyedCheckpoints);
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, keyedSchema))
        {
            WholeStory.AssertRebuilds(store, keyed, pseudonymised: true, checkpoints: new Privacy.Audit.FileAuditCheckpointSink(keyedCheckpoints));
        }

        var plainFiles = RelationFiles(plainSchema);
        var keyedFiles = RelationFiles(keyedSchema);
        keyedFiles.Add(keyedCheckpoints);

        Assert.NotEmpty(keyedFiles);
        Assert.True(System.IO.File.Exists(keyedCheckpoints), "the story's audit trail wrote no checkpoint");
        Assert.All(plain, bsn => Assert.True(StoredBytes.AnyContains(plainFiles, bsn), "the scan must find the numbers a store keyed by BSN holds"));
        Assert.All(keyed, bsn => Assert.False(StoredBytes.AnyContains(keyedFiles, bsn), "a BSN is in the pseudonymised schema's files"));
        System.IO.Directory.Delete(checkpoints, recursive: true);
    }

    [Fact]
    public void A_BSN_keyed_SQLite_file_moved_to_a_pseudonymised_PostgreSQL_schema_keeps_every_area_and_the_schema_holds_no_BSN()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("carecoordination-rekey-pg-").FullName;
        var keyedSchema = NewSchema();
        var keying = YouthKeying.Pseudonymised(new Privacy.YouthPseudonymiser(Testing.TestKeys.Bytes("youth")));
        IReadOnlyList<Identity.Bsn> people;
        Privacy.Audit.IAuditCheckpointSink checkpoints;
        try
        {
            using var source = new Sqlite.SqliteSignalStore(System.IO.Path.Combine(directory, "bsn.db"));
            people = WholeStory.Run(source, seed: 73, pseudonymised: false);
            checkpoints = WholeStory.CheckpointsOf(source);
            using (var target = new PostgreSqlSignalStore(ConnectionString, keyedSchema))
            {
                Storage.Migration.YouthKeyMigration.Migrate(source, YouthKeying.ByBsn, target, keying);
                MigratedStore.AssertSameContents(source, YouthKeying.ByBsn, target, keying, people);
            }
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        using (var reopened = new PostgreSqlSignalStore(ConnectionString, keyedSchema))
        {
            WholeStory.AssertRebuilds(reopened, people, pseudonymised: true, checkpoints: checkpoints);
        }

        Assert.All(people, bsn => Assert.False(StoredBytes.AnyContains(RelationFiles(keyedSchema), bsn), "a BSN is in the migrated schema's files"));
    }

    /// <summary>The files of every table, index, TOAST table and TOAST index of a schema, after a checkpoint wrote them out.</summary>
    private static List<string> RelationFiles(string schema)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection))
        {
            checkpoint.ExecuteNonQuery();
        }

        string dataDirectory;
        using (var show = new NpgsqlCommand("SHOW data_directory", connection))
        {
            dataDirectory = (string)show.ExecuteScalar()!;
        }

        var files = new List<string>();
        using var command = new NpgsqlCommand(
            """
            SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.relkind IN ('r', 'i', 't')
            UNION ALL
            SELECT pg_relation_filepath(c.reltoastrelid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.reltoastrelid <> 0
            UNION ALL
            SELECT pg_relation_filepath(i.indexrelid) FROM pg_index i
            JOIN pg_class c ON c.reltoastrelid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = @schema AND c.reltoastrelid <> 0
            """,
            connection);
        command.Parameters.AddWithValue("schema", schema);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var path = System.IO.Path.Combine(dataDirectory, reader.GetString(0));
            files.AddRange(System.IO.Directory.GetFiles(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileName(path) + "*"));
        }

        return files;
    }

    [Fact]
    public void The_audit_trail_survives_a_restart_and_a_record_changed_in_the_database_is_detected()
    {
        var schema = NewSchema();
        var checkpoints = new Privacy.Audit.TextWriterAuditCheckpointSink(System.IO.TextWriter.Null);
        string head;
        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            head = AuditSinkChecks.Write(store, checkpoints, 5);
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            var trail = AuditSinkChecks.Open(store, checkpoints);
            Assert.Equal((5, head), (trail.Count, trail.Head));
            Assert.True(trail.Verify().IsIntact);
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"DELETE FROM {schema}.audit_records WHERE sequence = 2", connection);
            command.ExecuteNonQuery();
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            var error = Assert.Throws<Privacy.AuditTrailBrokenException>(() => AuditSinkChecks.Open(store, checkpoints));
            Assert.Equal((false, (long?)2), (error.Verification.IsIntact, error.Verification.FirstBrokenSequence));
        }
    }

    [Theory]
    [InlineData(1, "DROP TABLE {0}.audit_records; DROP TABLE {0}.audit_genesis; DROP TABLE {0}.store_settings; " + VersionThreeTables)]
    [InlineData(2, VersionThreeTables)]
    [InlineData(3, "")]
    public void A_schema_from_an_older_version_is_migrated_and_keeps_its_signals(int version, string laterTables)
    {
        var schema = NewSchema();
        var checkpoints = new Privacy.Audit.TextWriterAuditCheckpointSink(System.IO.TextWriter.Null);
        IReadOnlyList<Identity.Bsn> people;
        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            people = StoredBytes.WriteFamily(store, null, seed: 53);
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            var downgrade = string.Format(CultureInfo.InvariantCulture, laterTables, schema)
                + $"DROP TABLE {schema}.family_addresses; ALTER TABLE {schema}.signals DROP COLUMN age_limit_day; UPDATE {schema}.schema_info SET version = {version.ToString(CultureInfo.InvariantCulture)};";
            using var command = new NpgsqlCommand(downgrade, connection);
            command.ExecuteNonQuery();
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, Testing.TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), store);
            Assert.Equal(6, index.ActiveSignalCount);
            AuditSinkChecks.Write(store, checkpoints, 2);
            Assert.Equal(2, AuditSinkChecks.Open(store, checkpoints).Count);
            store.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0), "{}")]);
            Assert.Single(store.ReadStreams("case"));
            // The family from before the migration gets its address, and a neighbour's household moves in at it.
            var address = Families.AddressKey.Create("1234AB", 5);
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(53), [people[0], people[1], people[2]], [people[3]], address));
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(1053), [Neighbour], [], address));
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, Testing.TestRegion.CreateDirectory(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), store);
            var result = index.Register(new Signals.SignalRegistration(new Identity.Youth(Neighbour, new NodaTime.LocalDate(2014, 5, 1)), Testing.TestRegion.School, Testing.TestRegion.ReporterOf(Testing.TestRegion.School), Signals.ReportingCriterion.SeriousUpbringingProblems));
            Assert.Equal(6, result.MatchCount);
            Assert.All(result.Matches, m => Assert.Equal(Matching.MatchKind.Address, m.Kind));
        }
    }

    [Fact]
    public void A_schema_of_version_4_keeps_its_addresses_and_learns_a_family_s_municipality_from_the_next_feed()
    {
        var schema = NewSchema();
        var address = Families.AddressKey.Create("3511AB", 8);
        var youth = Testing.TestBsns.Generate(1, seed: 59)[0];
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0));
        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            new ReferenceIndex(Regions.RegionPolicy.Default, Testing.TestRegion.CreateDirectory(), clock, store)
                .AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(7), [youth], [], address));
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"ALTER TABLE {schema}.family_addresses DROP COLUMN municipality; ALTER TABLE {schema}.signals DROP COLUMN age_limit_day; UPDATE {schema}.schema_info SET version = 4;", connection);
            command.ExecuteNonQuery();
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, Testing.TestRegion.CreateDirectory(), clock, store);
            Assert.Equal("7|3511AB-8|", Query($"SELECT family_id || '|' || address || '|' || COALESCE(municipality::text, '') FROM {schema}.family_addresses"));
            index.AddOrReplaceFamilyAsFeed(Families.Family.Create(new Families.FamilyId(7), [youth], [], address, Families.MunicipalityCode.FromNumber(344)));
        }

        Assert.Equal("7|3511AB-8|344", Query($"SELECT family_id || '|' || address || '|' || COALESCE(municipality::text, '') FROM {schema}.family_addresses"));
    }

    [Fact]
    public void A_schema_of_version_5_gains_the_age_limit_column_and_the_next_renewal_fills_it()
    {
        var schema = NewSchema();
        var youth = new Identity.Youth(Testing.TestBsns.Generate(1, seed: 61)[0], new NodaTime.LocalDate(2006, 3, 1));
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0));
        var registration = new Signals.SignalRegistration(youth, Testing.TestRegion.School, Testing.TestRegion.ReporterOf(Testing.TestRegion.School), Signals.ReportingCriterion.SeriousUpbringingProblems);
        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            new ReferenceIndex(Regions.RegionPolicy.Default, Testing.TestRegion.CreateDirectory(), clock, store).Register(registration).ThrowIfRefused();
        }

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"ALTER TABLE {schema}.signals DROP COLUMN age_limit_day; UPDATE {schema}.schema_info SET version = 5;", connection);
            command.ExecuteNonQuery();
        }

        using (var store = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            Assert.Equal("|6", Query($"SELECT COALESCE(age_limit_day::text, '') || '|' || (SELECT MAX(version) FROM {schema}.schema_info)::text FROM {schema}.signals"));
            clock.Advance(NodaTime.Duration.FromDays(1));
            var index = new ReferenceIndex(Regions.RegionPolicy.Default, Testing.TestRegion.CreateDirectory(), clock, store);
            Assert.Equal(Signals.RegistrationOutcome.Renewed, index.Register(registration).Outcome);
        }

        // The 23rd birthday of a youth born on 1 March 2006, as a day number.
        Assert.Equal("740771", Query($"SELECT age_limit_day::text FROM {schema}.signals"));
    }

    private static string? Query(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() as string;
    }

    private static readonly Identity.Bsn Neighbour = Testing.TestBsns.Generate(1, seed: 97)[0];

    private const string VersionThreeTables = "DROP TABLE {0}.stream_events; DROP TABLE {0}.idempotency_keys; DROP TABLE {0}.idempotency_signals; ";

    [Fact]
    public void A_second_index_cannot_write_to_the_same_schema()
    {
        using var first = new PostgreSqlSignalStore(ConnectionString, _schema);

        var error = Assert.Throws<StoreInUseException>(() => new PostgreSqlSignalStore(ConnectionString, _schema));

        Assert.Contains(_schema, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_in_another_process_cannot_write_to_the_schema_this_one_writes_to()
    {
        var schema = NewSchema();
        using (var first = new PostgreSqlSignalStore(ConnectionString, schema))
        {
            using var refused = StoreWriterProcess.Start("postgres", ConnectionString, "1", schema);
            Assert.False(refused.WaitUntilWritingOrEnded(), "a second process wrote to a schema this process writes to");
            Assert.Contains(typeof(StoreInUseException).FullName!, refused.Errors, StringComparison.Ordinal);
        }

        using var other = StoreWriterProcess.Start("postgres", ConnectionString, "2", schema);
        Assert.True(other.WaitUntilWritingOrEnded(), "the writer could not open a schema nobody wrote to: " + other.Errors);
    }

    [Fact]
    public void A_schema_name_longer_than_postgresql_keeps_a_name_is_refused_before_anything_is_created()
    {
        var name = NewSchema();
        var tooLong = name + new string('x', 64 - name.Length);

        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlSignalStore(ConnectionString, tooLong));

        Assert.Equal("schema", error.ParamName);
        Assert.Contains("63 bytes", error.Message, StringComparison.Ordinal);
        Assert.False(SchemaExists(tooLong[..63]));
    }

    [Fact]
    public void Two_long_schema_names_that_differ_after_byte_63_can_no_longer_share_one_schema()
    {
        var name = NewSchema();
        var kept = name + new string('x', 63 - name.Length);
        _created.Add(kept);
        using var store = new PostgreSqlSignalStore(ConnectionString, kept);

        Assert.Throws<ArgumentException>(() => new PostgreSqlSignalStore(ConnectionString, kept + "a"));
        Assert.Throws<ArgumentException>(() => new PostgreSqlSignalStore(ConnectionString, kept + "b"));
        Assert.Throws<StoreInUseException>(() => new PostgreSqlSignalStore(ConnectionString, kept));
        Assert.True(SchemaExists(kept));
    }

    [Theory]
    [InlineData("select", "reserved")]
    [InlineData("user", "reserved")]
    [InlineData("left", "can be function or type name")]
    [InlineData("between", "cannot be function or type")]
    [InlineData("1region", "begin with a letter")]
    public void A_schema_name_postgresql_would_read_as_a_keyword_or_a_number_is_refused_with_a_reason_and_creates_nothing(string name, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlSignalStore(ConnectionString, name));

        Assert.Equal("schema", error.ParamName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(SchemaExists(name));
    }

    [Fact]
    public void A_schema_name_that_is_not_a_plain_identifier_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PostgreSqlSignalStore(ConnectionString, "x; DROP TABLE y"));
    }

    public override void Dispose()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        foreach (var schema in _created)
        {
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            command.ExecuteNonQuery();
        }

        base.Dispose();
    }

    protected override ISignalStore OpenStore() => new PostgreSqlSignalStore(ConnectionString, _schema);

    protected override void CloseStore(ISignalStore store) => ((PostgreSqlSignalStore)store).Dispose();

    protected override IReadOnlyList<StoredEvent> ReadEvents(ISignalStore store, SignalId signal) => ((PostgreSqlSignalStore)store).ReadEvents(signal);

    protected override void ResetStore() => _schema = NewSchema();

    private static bool SchemaExists(string schema)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        return command.ExecuteScalar() is true;
    }

    private string NewSchema()
    {
        var schema = "test_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + System.Threading.Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
        _created.Add(schema);
        return schema;
    }
}
