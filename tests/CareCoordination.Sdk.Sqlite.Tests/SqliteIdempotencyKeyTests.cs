using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Sqlite.Tests;

public sealed class SqliteIdempotencyKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-keys-").FullName;
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 9, 0));
    private readonly YouthPseudonymiser _pseudonymiser = new(TestKeys.Bytes("youth"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void A_vendor_that_uses_the_youths_BSN_as_its_idempotency_key_puts_no_BSN_in_a_pseudonymised_file_and_a_retry_after_a_restart_gets_the_first_answer()
    {
        var path = Path.Combine(_directory, "bsn-key.db");
        var youth = new Youth(TestBsns.Generate(1, seed: 91)[0], new LocalDate(2015, 2, 3));
        var keyed = RegistrationOf(youth).WithIdempotencyKey(youth.Bsn.RevealDigits());
        RegistrationResult first;
        using (var store = new SqliteSignalStore(path))
        {
            first = IndexOn(store).Register(keyed);
            Assert.False(StoredBytes.AnyContains(FilesOf(path), youth.Bsn), "the key's BSN is in the open store's files");
        }

        Assert.False(StoredBytes.AnyContains(FilesOf(path), youth.Bsn), "the key's BSN is in the closed store's file");
        using (var store = new SqliteSignalStore(path))
        {
            var retry = IndexOn(store).Register(keyed);
            Assert.Equal((RegistrationOutcome.Registered, first.Signal), (retry.Outcome, retry.Signal));
        }
    }

    [Fact]
    public void A_key_a_store_kept_in_clear_before_keys_were_hashed_is_hashed_when_the_index_opens_and_a_retry_still_gets_the_first_answer()
    {
        var path = Path.Combine(_directory, "clear-key.db");
        var youth = new Youth(TestBsns.Generate(1, seed: 93)[0], new LocalDate(2015, 2, 3));
        var clear = youth.Bsn.RevealDigits();
        RegistrationResult first;
        using (var store = new SqliteSignalStore(path))
        {
            first = IndexOn(store).Register(RegistrationOf(youth).WithIdempotencyKey(clear));
        }

        // As an SDK before keys were hashed wrote it: the client's key itself.
        Execute(path, "UPDATE idempotency_signals SET key = $clear", clear);
        Execute(path, "UPDATE idempotency_keys SET key = $clear", clear);
        Assert.Equal([clear], Keys(path));

        RegistrationResult retry;
        using (var store = new SqliteSignalStore(path))
        {
            var index = IndexOn(store);
            Assert.DoesNotContain(clear, Keys(path));
            retry = index.Register(RegistrationOf(youth).WithIdempotencyKey(clear));
            Assert.False(StoredBytes.AnyContains(FilesOf(path), youth.Bsn), "the clear key's BSN is still in the store's files");
        }

        var stored = Assert.Single(Keys(path));
        Assert.StartsWith("hmac:", stored, StringComparison.Ordinal);
        Assert.Equal((RegistrationOutcome.Registered, first.Signal), (retry.Outcome, retry.Signal));
        Assert.Equal(1, CountOf(path, "SELECT COUNT(*) FROM idempotency_signals"));
    }

    private static SignalRegistration RegistrationOf(Youth youth) =>
        new(youth, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), ReportingCriterion.SeriousUpbringingProblems);

    private static List<string> FilesOf(string path) => [.. new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists)];

    private static List<string> Keys(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM idempotency_keys";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static long CountOf(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(string path, string sql, string clear)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$clear", clear);
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private ReferenceIndex IndexOn(SqliteSignalStore store) => new(RegionPolicy.Default, TestRegion.CreateDirectory(), _clock, store, null, _pseudonymiser);
}
