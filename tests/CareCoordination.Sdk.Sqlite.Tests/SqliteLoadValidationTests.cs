using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy.Audit;
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
using Microsoft.Data.Sqlite;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Sqlite.Tests;

/// <summary>Issue 14, item 4: every row of a SQLite file is checked as the index loads it.</summary>
public sealed class SqliteLoadValidationTests : IDisposable
{
    private static readonly StoreDialect Dialect = new(AnyTypeInAnyColumn: true, Table: name => name, Holds: (_, _) => true, JsonIsNormalised: false);

    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-load-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Every_mutated_row_either_loads_exactly_as_mutated_or_stops_the_start_with_a_typed_error_naming_table_and_row()
    {
        var path = Written("rows.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        var written = StoredModel.Read(sql => Query(connection, null, sql), Dialect);
        Assert.Null(StoredRowMutations.Difference(StoredRowMutations.Expected(written), Load(connection, null)));

        var applied = 0;
        var outcomes = new Dictionary<LoadOutcome, int>();
        var property = Prop.ForAll(Arb.From(StoredRowMutations.Of(written, Dialect)), (RowMutation mutation) =>
        {
            // Each mutation lives in a transaction that is rolled back, so every case starts from the written file.
            using var transaction = connection.BeginTransaction();
            try
            {
                Execute(connection, transaction, mutation.Sql);
            }
            catch (SqliteException)
            {
                // The file's own constraints refuse the change (a primary key of text, a NULL): it cannot be stored.
                return;
            }

            applied++;
            var outcome = StoredRowMutations.Verify(mutation, written, () => Load(connection, transaction));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(StoredRowMutations.Count * 11 / 10), property);

        Assert.True(applied >= StoredRowMutations.Count, $"only {applied} of the generated mutations could be stored");
        Assert.All(Enum.GetValues<LoadOutcome>(), o => Assert.True(outcomes.GetValueOrDefault(o) > 0, $"no mutation ended as {o}"));
    }

    [Fact]
    public void Every_mutated_stream_event_audit_record_setting_and_address_either_opens_the_SDK_to_exactly_the_written_state_or_stops_it_with_a_typed_error_naming_table_and_row()
    {
        const int seed = 61;
        var path = Path.Combine(_directory, "story.db");
        var checkpoints = path + ".checkpoints";
        IReadOnlyList<Bsn> people;
        using (var store = new SqliteSignalStore(path))
        {
            people = WholeStory.Run(store, seed, pseudonymised: true, checkpoints);
            store.Checkpoint();
        }

        var pristine = File.ReadAllBytes(path);
        var pristineCheckpoints = File.ReadAllBytes(checkpoints);
        var mutated = Path.Combine(_directory, "mutated.db");
        string Open()
        {
            using var store = new SqliteSignalStore(mutated);
            using var sdk = HostedSdk.Build(store, new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 18, 0)), pseudonymised: true, checkpoints: new FileAuditCheckpointSink(mutated + ".checkpoints"));
            return StoredStreamMutations.Start(sdk, seed);
        }

        void Restore()
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(_directory, "mutated.db*"))
            {
                File.Delete(file);
            }

            File.WriteAllBytes(mutated, pristine);
            File.WriteAllBytes(mutated + ".checkpoints", pristineCheckpoints);
        }

        Restore();
        var written = Open();
        List<StoredEventRow> events;
        List<long> audit;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            events = [.. Query(connection, null, "SELECT kind, stream, version, type, schema_version, payload FROM stream_events ORDER BY kind, stream, version")
                .Select(r => new StoredEventRow((string)r[0]!, (string)r[1]!, (long)r[2]!, (string)r[3]!, (long)r[4]!, (string)r[5]!))];
            audit = [.. Query(connection, null, "SELECT sequence FROM audit_records ORDER BY sequence").Select(r => (long)r[0]!)];
        }

        var persons = people.Select(p => p.RevealNumber().ToString("D9", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var applied = 0;
        var outcomes = new Dictionary<LoadOutcome, int>();
        var tables = new Dictionary<string, int>();
        void Apply(StoreMutation mutation)
        {
            Restore();
            try
            {
                Damage(mutated, mutation.Sql.Replace("{0}", string.Empty, StringComparison.Ordinal));
            }
            catch (SqliteException)
            {
                // The file's own keys refuse the change (a version its stream already has): it cannot be stored.
                return;
            }

            applied++;
            var outcome = StoredStreamMutations.Verify(mutation, written, persons, Open);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            tables[mutation.Table] = tables.GetValueOrDefault(mutation.Table) + 1;
        }

        foreach (var mutation in StoredStreamMutations.EverySettingChange)
        {
            Apply(mutation);
        }

        var property = Prop.ForAll(Arb.From(StoredStreamMutations.Of(events, audit, jsonIsNormalised: false)), (StoreMutation mutation) => Apply(mutation));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(StoredStreamMutations.Count * 11 / 10), property);

        Assert.True(applied >= StoredStreamMutations.Count, $"only {applied} of the generated mutations could be stored");
        Assert.All(Enum.GetValues<LoadOutcome>(), o => Assert.True(outcomes.GetValueOrDefault(o) > 0, $"no mutation ended as {o}"));
        Assert.All(["stream_events", "audit_records", "audit_genesis", "store_settings", "schema_info", "family_addresses"], t => Assert.True(tables.GetValueOrDefault(t) > 0, $"no mutation of {t}"));
    }

    [Fact]
    public void A_damaged_file_either_opens_and_loads_exactly_the_rows_it_holds_or_fails_with_a_typed_error()
    {
        var original = File.ReadAllBytes(Written("bytes.db"));
        var damage = Gen.Choose(0, original.Length - 1).SelectMany(offset => Gen.Choose(0, 3).SelectMany(kind => Gen.Choose(0, 255).Select(value => (offset, kind, value))));
        var opened = 0;
        var property = Prop.ForAll(Arb.From(damage), ((int Offset, int Kind, int Value) d) =>
        {
            var path = Path.Combine(_directory, "damaged.db");
            foreach (var file in Directory.GetFiles(_directory, "damaged.db*"))
            {
                File.Delete(file);
            }

            var bytes = (byte[])original.Clone();
            switch (d.Kind)
            {
                case 0:
                    bytes = bytes[..d.Offset];
                    break;
                case 1:
                    bytes[d.Offset] ^= (byte)(1 << (d.Value % 8));
                    break;
                default:
                    bytes[d.Offset] = (byte)d.Value;
                    break;
            }

            File.WriteAllBytes(path, bytes);
            var description = d.Kind == 0 ? $"truncated to {d.Offset} bytes" : $"byte {d.Offset} set to {bytes[d.Offset]}";
            try
            {
                using var store = new SqliteSignalStore(path);
                var loaded = new LoadedRows();
                store.Load(loaded);
                opened++;

                // What loaded must be what the file holds, read apart from the store, and all of it sound.
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
                connection.Open();
                StoredModel held;
                try
                {
                    held = StoredModel.Read(sql => Query(connection, null, sql), Dialect);
                }
                catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
                {
                    // The damage is on a page the load never reads (the events' history, read by ReadEvents, which
                    // checks it there): the test's own full read cannot tell a faithful load, so this case proves nothing.
                    return;
                }

                Assert.True(StoredRowMutations.OutcomeOf(held) == LoadOutcome.Loads, $"{description}: the file holds rows the load should have refused");
                Assert.True(StoredRowMutations.Difference(StoredRowMutations.Expected(held), loaded) is null, $"{description}: the load handed over other rows than the file holds");
            }
            catch (Exception e) when (e is CorruptStoredDataException or UnsupportedSchemaVersionException)
            {
                // A clear, typed refusal.
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"{description}: opening or loading threw {e.GetType().Name}: {e.Message}");
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
        Assert.True(opened > 0, "no damaged file opened at all; the damage is too coarse to tell a faithful load");
    }

    [Fact]
    public void A_damaged_signal_row_stops_the_index_from_starting_with_an_error_naming_the_table_the_row_and_the_problem_but_no_BSN()
    {
        var path = Written("stop.db");
        var id = Scalar(path, "SELECT MIN(id) FROM signals");
        Damage(path, $"UPDATE signals SET expiry = 9 WHERE id = {id}");

        using var store = new SqliteSignalStore(path);
        var error = Assert.Throws<CorruptStoredDataException>(() => new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), store));

        Assert.Equal("signals", error.Table);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), error.RowKey);
        Assert.Contains("expiry 9", error.Problem, StringComparison.Ordinal);
        Assert.Contains($"signals row {id}", error.Message, StringComparison.Ordinal);
        Assert.All(TestBsns.Generate(8, seed: 14), bsn => Assert.DoesNotContain(bsn.RevealNumber().ToString("D9", System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_active_signals_of_one_organisation_for_one_youth_stop_the_start()
    {
        var path = Written("duplicate.db");
        Damage(path, "INSERT INTO signals SELECT id + 1000, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, schema_version, age_limit_day FROM signals WHERE state = 1 LIMIT 1");

        using var store = new SqliteSignalStore(path);
        var error = Assert.Throws<CorruptStoredDataException>(() => store.Load(new LoadedRows()));

        Assert.Contains("second active signal", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_quarantine_the_damaged_rows_are_skipped_and_reported_and_the_rest_loads()
    {
        var path = Written("quarantine.db");
        long active;
        using (var store = new SqliteSignalStore(path))
        {
            active = Index(store).ActiveSignalCount;
        }

        var id = Scalar(path, "SELECT MIN(id) FROM signals WHERE state = 1");
        Damage(path, $"UPDATE signals SET expiry = 7 WHERE id = {id}");
        Damage(path, "UPDATE family_members SET role = 5 WHERE family_id = 2 AND position = 0");
        Damage(path, "UPDATE idempotency_keys SET answer = '{}' WHERE key = (SELECT MIN(key) FROM idempotency_keys)");

        using (var store = new SqliteSignalStore(path, new SqliteStoreOptions { CorruptRows = CorruptRowHandling.Quarantine }))
        {
            var index = Index(store);

            Assert.Equal(active - 1, index.ActiveSignalCount);
            Assert.Equal(
                [("signals", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("family_members", "2/0"), ("idempotency_keys", "a stored key")],
                store.QuarantinedRows.Select(r => (r.Table, r.Table == "idempotency_keys" ? "a stored key" : r.RowKey)));
        }
    }

    [Fact]
    public void An_event_naming_a_signal_the_file_does_not_hold_stops_the_start()
    {
        var path = Written("orphan.db");
        Damage(path, "UPDATE events SET signal_id = 424242 WHERE sequence = (SELECT MIN(sequence) FROM events)");

        using var store = new SqliteSignalStore(path);
        var error = Assert.Throws<CorruptStoredDataException>(() => store.Load(new LoadedRows()));

        Assert.Equal("events", error.Table);
        Assert.Contains("424242", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_where_the_SDK_writes_a_number_is_refused_rather_than_read_as_zero()
    {
        var path = Written("text.db");
        Damage(path, "UPDATE signals SET organisation = 'abc' WHERE id = (SELECT MIN(id) FROM signals)");

        using var store = new SqliteSignalStore(path);
        var error = Assert.Throws<CorruptStoredDataException>(() => store.Load(new LoadedRows()));

        Assert.Contains("organisation", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_version_row_was_removed_or_whose_table_was_dropped_is_refused_as_damaged_not_migrated_again()
    {
        var emptied = Written("emptied.db");
        Damage(emptied, "DELETE FROM schema_info");
        var dropped = Written("dropped.db");
        Damage(dropped, "DROP TABLE idempotency_keys");

        var noVersion = Assert.Throws<CorruptStoredDataException>(() => new SqliteSignalStore(emptied));
        var noTable = Assert.Throws<CorruptStoredDataException>(() => new SqliteSignalStore(dropped));

        Assert.Equal("schema_info", noVersion.Table);
        Assert.Equal(("(schema)", "idempotency_keys"), (noTable.Table, noTable.RowKey));
    }

    [Fact]
    public void Rows_of_a_newer_SDK_are_refused_as_unsupported_and_never_quarantined()
    {
        var path = Written("newer.db");
        Damage(path, "UPDATE signals SET schema_version = 7 WHERE id = (SELECT MAX(id) FROM signals)");

        using var store = new SqliteSignalStore(path, new SqliteStoreOptions { CorruptRows = CorruptRowHandling.Quarantine });
        var error = Assert.Throws<UnsupportedSchemaVersionException>(() => store.Load(new LoadedRows()));

        Assert.Equal(7, error.SchemaVersion);
    }

    [Fact]
    public void Damaged_events_streams_and_audit_records_are_refused_when_read_with_the_table_and_row_named()
    {
        var path = Written("reads.db");
        using (var store = new SqliteSignalStore(path))
        {
            store.Append("case", "7", 0, [new StreamEvent("CaseOpened", 1, NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0), "{}")]);
        }

        Damage(path, "UPDATE events SET payload = 'not json' WHERE sequence = (SELECT MIN(sequence) FROM events)");
        Damage(path, "UPDATE stream_events SET schema_version = 0");
        var first = new SignalId(Scalar(path, "SELECT signal_id FROM events WHERE sequence = (SELECT MIN(sequence) FROM events)"));

        using var reopened = new SqliteSignalStore(path);
        var events = Assert.Throws<CorruptStoredDataException>(() => reopened.ReadEvents(first));
        var streams = Assert.Throws<CorruptStoredDataException>(() => reopened.ReadStreams("case"));

        Assert.Equal("events", events.Table);
        Assert.Contains("JSON", events.Problem, StringComparison.Ordinal);
        Assert.Equal(("stream_events", "case/'7'/1"), (streams.Table, streams.RowKey));
    }

    private string Written(string name)
    {
        var path = Path.Combine(_directory, name);
        using var store = new SqliteSignalStore(path);
        StoredRowMutations.Write(store);
        store.Checkpoint();
        return path;
    }

    private static ReferenceIndex Index(ISignalStore store) =>
        new(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(NodaTime.Instant.FromUtc(2026, 11, 24, 9, 0)), store);

    /// <summary>Changes the closed file as a careless operator or a failing disk would.</summary>
    private static void Damage(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return (long)Query(connection, null, sql)[0][0]!;
    }

    private static LoadedRows Load(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var rows = new LoadedRows();
        SqliteLoader.Load(connection, transaction, rows, new StoredRowValidator(CorruptRowHandling.Stop));
        return rows;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object?[]> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
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
