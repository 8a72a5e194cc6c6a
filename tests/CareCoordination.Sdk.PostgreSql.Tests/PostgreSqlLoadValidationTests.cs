using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Availability;
using CareCoordination.Sdk.Tests.Storage;
using FsCheck;
using FsCheck.Fluent;
using NodaTime.Testing;
using Npgsql;
using Xunit;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>Issue 14, item 4: every row of a PostgreSQL schema is checked as the index loads it.</summary>
public sealed class PostgreSqlLoadValidationTests : IDisposable
{
    private static int _schemas;
    private readonly List<string> _created = [];

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        foreach (var schema in _created)
        {
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    [Fact]
    public void Every_mutated_row_either_loads_exactly_as_mutated_or_stops_the_start_with_a_typed_error_naming_table_and_row()
    {
        var schema = Written();
        var dialect = new StoreDialect(AnyTypeInAnyColumn: false, Table: name => $"{schema}.{name}", Holds: Holds, JsonIsNormalised: true);
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        var written = StoredModel.Read(sql => Query(connection, sql), dialect);
        Assert.Null(StoredRowMutations.Difference(StoredRowMutations.Expected(written), Load(connection, schema)));

        var applied = 0;
        var outcomes = new Dictionary<LoadOutcome, int>();
        var property = Prop.ForAll(Arb.From(StoredRowMutations.Of(written, dialect)), (RowMutation mutation) =>
        {
            // The server refuses some mutations (below), so more are generated than needed and the rest are passed over.
            if (applied >= StoredRowMutations.Count)
            {
                return;
            }

            // Each mutation lives in a transaction that is rolled back, so every case starts from the written schema.
            using var transaction = connection.BeginTransaction();
            try
            {
                using var command = new NpgsqlCommand(mutation.Sql, connection);
                command.ExecuteNonQuery();
            }
            catch (PostgresException)
            {
                // The server refuses the change (text that is not JSON in a jsonb column): the schema cannot hold it.
                return;
            }

            applied++;
            var outcome = StoredRowMutations.Verify(mutation, written, () => Load(connection, schema));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(StoredRowMutations.Count * 2), property);

        Assert.True(applied >= StoredRowMutations.Count, $"only {applied} of the generated mutations could be stored");
        Assert.All(Enum.GetValues<LoadOutcome>(), o => Assert.True(outcomes.GetValueOrDefault(o) > 0, $"no mutation ended as {o}"));
    }

    [Fact]
    public void Every_mutated_stream_event_audit_record_setting_and_address_either_opens_the_SDK_to_exactly_the_written_state_or_stops_it_with_a_typed_error_naming_table_and_row()
    {
        const int seed = 62;
        var schema = "load_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + System.Threading.Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
        var pristine = schema + "_pristine";
        _created.Add(schema);
        _created.Add(pristine);
        var directory = System.IO.Directory.CreateTempSubdirectory("carecoordination-pg-load-").FullName;
        var checkpoints = System.IO.Path.Combine(directory, "story.checkpoints");
        var mutatedCheckpoints = System.IO.Path.Combine(directory, "mutated.checkpoints");
        try
        {
            IReadOnlyList<Identity.Bsn> people;
            using (var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema))
            {
                people = WholeStory.Run(store, seed, pseudonymised: true, checkpoints);
            }

            string[] tables = ["stream_events", "audit_records", "audit_genesis", "store_settings", "schema_info", "family_addresses"];
            Damage($"CREATE SCHEMA {pristine}");
            foreach (var table in tables)
            {
                Damage($"CREATE TABLE {pristine}.{table} AS SELECT * FROM {schema}.{table}");
            }

            var pristineCheckpoints = System.IO.File.ReadAllBytes(checkpoints);
            string Open()
            {
                using var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
                using var sdk = HostedSdk.Build(store, new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 18, 0)), pseudonymised: true, checkpoints: new Privacy.Audit.FileAuditCheckpointSink(mutatedCheckpoints));
                return StoredStreamMutations.Start(sdk, seed);
            }

            System.IO.File.WriteAllBytes(mutatedCheckpoints, pristineCheckpoints);
            var written = Open();
            using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
            connection.Open();
            var events = Query(connection, $"SELECT kind, stream, version, type, schema_version, payload::text FROM {schema}.stream_events ORDER BY kind, stream COLLATE \"C\", version")
                .Select(r => new StoredEventRow((string)r[0]!, (string)r[1]!, Convert.ToInt64(r[2], CultureInfo.InvariantCulture), (string)r[3]!, Convert.ToInt64(r[4], CultureInfo.InvariantCulture), (string)r[5]!)).ToList();
            var audit = Query(connection, $"SELECT sequence FROM {schema}.audit_records ORDER BY sequence").Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToList();
            var persons = people.Select(p => p.RevealNumber().ToString("D9", CultureInfo.InvariantCulture)).ToList();
            var applied = 0;
            var outcomes = new Dictionary<LoadOutcome, int>();
            var mutatedTables = new Dictionary<string, int>();
            void Apply(StoreMutation mutation)
            {

                // The store's own connections must see the change, so it is committed, and the table is put back after.
                System.IO.File.WriteAllBytes(mutatedCheckpoints, pristineCheckpoints);
                try
                {
                    using var command = new NpgsqlCommand(mutation.Sql.Replace("{0}", schema + ".", StringComparison.Ordinal), connection);
                    command.ExecuteNonQuery();
                }
                catch (PostgresException)
                {
                    // The server refuses the change (text that is not JSON in a jsonb column, a version its stream has).
                    return;
                }

                try
                {
                    applied++;
                    var outcome = StoredStreamMutations.Verify(mutation, written, persons, Open);
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    mutatedTables[mutation.Table] = mutatedTables.GetValueOrDefault(mutation.Table) + 1;
                }
                finally
                {
                    using var restore = new NpgsqlCommand($"DELETE FROM {schema}.{mutation.Table}; INSERT INTO {schema}.{mutation.Table} SELECT * FROM {pristine}.{mutation.Table}", connection);
                    restore.ExecuteNonQuery();
                }
            }

            foreach (var mutation in StoredStreamMutations.EverySettingChange)
            {
                Apply(mutation);
            }

            var property = Prop.ForAll(Arb.From(StoredStreamMutations.Of(events, audit, jsonIsNormalised: true)), (StoreMutation mutation) =>
            {
                // The server refuses some mutations (in Apply), so more are generated than needed and the rest are passed over.
                if (applied < StoredStreamMutations.Count)
                {
                    Apply(mutation);
                }
            });
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(StoredStreamMutations.Count * 2), property);

            Assert.True(applied >= StoredStreamMutations.Count, $"only {applied} of the generated mutations could be stored");
            Assert.All(Enum.GetValues<LoadOutcome>(), o => Assert.True(outcomes.GetValueOrDefault(o) > 0, $"no mutation ended as {o}"));
            Assert.All(tables, t => Assert.True(mutatedTables.GetValueOrDefault(t) > 0, $"no mutation of {t}"));
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_signal_row_stops_the_index_from_starting_with_an_error_naming_the_table_the_row_and_the_problem_but_no_BSN()
    {
        var schema = Written();
        var id = Scalar($"SELECT MIN(id) FROM {schema}.signals");
        Damage($"UPDATE {schema}.signals SET state = 3 WHERE id = {id}");

        using var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        var error = Assert.Throws<CorruptStoredDataException>(() => Index(store));

        Assert.Equal(("signals", id.ToString(CultureInfo.InvariantCulture)), (error.Table, error.RowKey));
        Assert.Contains("state 3", error.Problem, StringComparison.Ordinal);
        Assert.All(TestBsns.Generate(8, seed: 14), bsn => Assert.DoesNotContain(bsn.RevealNumber().ToString("D9", CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_the_server_reports_damaged_stops_the_index_from_starting_with_a_typed_error_not_a_server_exception()
    {
        // PostgreSQL 15 clusters run without page checksums here, so the damage is the server's own report of it
        // (SQLSTATE XX001, as for an invalid page header), raised wherever the signals are read.
        var schema = Written();
        Damage($"ALTER TABLE {schema}.signals RENAME TO signals_stored");
        Damage($"CREATE FUNCTION {schema}.damaged_page() RETURNS SETOF {schema}.signals_stored AS $$ BEGIN RAISE EXCEPTION 'invalid page in block 7 of relation base/5/16384' USING ERRCODE = 'XX001'; END $$ LANGUAGE plpgsql");
        Damage($"CREATE VIEW {schema}.signals AS SELECT * FROM {schema}.damaged_page()");

        using var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        var error = Assert.Throws<CorruptStoredDataException>(() => Index(store));

        Assert.Contains("invalid page in block 7", error.Problem, StringComparison.Ordinal);
        Assert.Equal("XX001", Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }

    [Fact]
    public void Under_quarantine_the_damaged_rows_are_skipped_and_reported_and_the_rest_loads()
    {
        var schema = Written();
        int active;
        using (var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema))
        {
            active = Index(store).ActiveSignalCount;
        }

        var id = Scalar($"SELECT MIN(id) FROM {schema}.signals WHERE state = 1");
        Damage($"UPDATE {schema}.signals SET youth = 0 WHERE id = {id}");
        Damage($"UPDATE {schema}.idempotency_keys SET answer = '{{}}' WHERE key = (SELECT MIN(key) FROM {schema}.idempotency_keys)");
        Damage($"UPDATE {schema}.events SET other_signal_id = 777777 WHERE sequence = (SELECT MIN(sequence) FROM {schema}.events)");

        using (var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema) { CorruptRows = CorruptRowHandling.Quarantine })
        {
            var index = Index(store);

            Assert.Equal(active - 1, index.ActiveSignalCount);
            Assert.Equal(["signals", "idempotency_keys", "events"], store.QuarantinedRows.Select(r => r.Table));
            Assert.Equal(id.ToString(CultureInfo.InvariantCulture), store.QuarantinedRows[0].RowKey);
        }
    }

    [Fact]
    public void A_schema_whose_version_row_was_removed_or_whose_table_or_column_was_dropped_is_refused_as_damaged_not_migrated_again()
    {
        var emptied = Written();
        Damage($"DELETE FROM {emptied}.schema_info");
        var dropped = Written();
        Damage($"DROP TABLE {dropped}.idempotency_keys");
        var narrowed = Written();
        Damage($"ALTER TABLE {narrowed}.family_addresses DROP COLUMN municipality");

        var noVersion = Assert.Throws<CorruptStoredDataException>(() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, emptied));
        var noTable = Assert.Throws<CorruptStoredDataException>(() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, dropped));
        var noColumn = Assert.Throws<CorruptStoredDataException>(() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, narrowed));

        Assert.Equal(("schema_info", "the schema holds the SDK's tables but no schema version"), (noVersion.Table, noVersion.Problem));
        Assert.Equal(("(schema)", "idempotency_keys", "the table is missing"), (noTable.Table, noTable.RowKey, noTable.Problem));
        Assert.Equal(("(schema)", "family_addresses", "its columns are not the ones the SDK created"), (noColumn.Table, noColumn.RowKey, noColumn.Problem));
    }

    [Fact]
    public void Rows_of_a_newer_SDK_are_refused_as_unsupported_and_never_quarantined()
    {
        var schema = Written();
        Damage($"UPDATE {schema}.idempotency_keys SET schema_version = 2 WHERE key = (SELECT MIN(key) FROM {schema}.idempotency_keys)");

        using var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema) { CorruptRows = CorruptRowHandling.Quarantine };
        var error = Assert.Throws<UnsupportedSchemaVersionException>(() => store.Load(new LoadedRows()));

        Assert.Equal(2, error.SchemaVersion);
    }

    [Fact]
    public void Damaged_audit_records_and_streams_are_refused_when_read_with_the_table_and_row_named()
    {
        var schema = Written();
        using (var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema))
        {
            store.Append("plan", "3", 0, [new StreamEvent("PlanMade", 1, NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0), "{}")]);
        }

        Damage($"UPDATE {schema}.stream_events SET payload = '[1]'");

        using var reopened = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        var error = Assert.Throws<CorruptStoredDataException>(() => reopened.ReadStreams("plan"));

        Assert.Equal(("stream_events", "plan/'3'/1"), (error.Table, error.RowKey));
    }

    // The values each column's type can hold at all; the server refuses the rest before the store could read them.
    private static bool Holds(string column, long value) => column switch
    {
        "youth" or "organisation" or "reporter" or "day" or "family_id" or "position" or "member" or "schema_version" or "key_version" => value is >= int.MinValue and <= int.MaxValue,
        "route" or "expiry" or "state" or "role" => value is >= short.MinValue and <= short.MaxValue,
        "offered" => value is 0 or 1,
        _ => true,
    };

    private string Written()
    {
        var schema = "load_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + System.Threading.Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
        _created.Add(schema);
        using var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        StoredRowMutations.Write(store);
        return schema;
    }

    private static ReferenceIndex Index(ISignalStore store) =>
        new(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), store);

    private static LoadedRows Load(NpgsqlConnection connection, string schema)
    {
        var rows = new LoadedRows();
        PostgreSqlLoader.Load(connection, schema, rows, new StoredRowValidator(CorruptRowHandling.Stop));
        return rows;
    }

    /// <summary>Changes the schema as a careless operator would.</summary>
    private static void Damage(string sql)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<object?[]> Query(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
