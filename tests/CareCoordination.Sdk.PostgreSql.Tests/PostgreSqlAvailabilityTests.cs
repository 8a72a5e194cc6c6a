using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Availability;
using CareCoordination.Sdk.Tests.Storage;
using Npgsql;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL store kept available, on the shared test server: a lost session, a standby that takes over, and
/// one writer per schema.
/// </summary>
public sealed class PostgreSqlAvailabilityTests : IDisposable
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static int _schemas;
    private readonly List<string> _created = [];

    [Fact]
    public void A_session_the_server_ends_fails_the_operation_with_a_transient_error_and_the_next_operation_reconnects_and_writes()
    {
        var schema = NewSchema();
        using var store = new PostgreSqlSignalStore(Named(schema), schema);
        store.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]);

        EndSessions(schema);
        var error = Assert.Throws<StoreUnavailableException>(() => store.Append("case", "1", 1, [new StreamEvent("IntakeJoined", 1, Monday, "{}")]));
        store.Append("case", "1", 1, [new StreamEvent("IntakeJoined", 1, Monday, "{}")]);

        Assert.Equal("PostgreSQL schema", error.Kind);
        Assert.Equal(2, Assert.Single(store.ReadStreams("case")).Events.Count);
        Assert.Throws<StoreInUseException>(() => new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema));
    }

    [Fact]
    public void A_store_whose_session_was_lost_while_another_took_the_writer_lock_steps_down_and_never_writes_again()
    {
        var schema = NewSchema();
        using var first = new PostgreSqlSignalStore(Named(schema), schema);
        EndSessions(schema);
        using var second = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);

        // The first operation finds the session gone; the next one reconnects and finds the lock taken.
        Assert.Throws<StoreUnavailableException>(() => first.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]));
        Assert.Throws<StoreInUseException>(() => first.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]));
        second.Dispose();
        Assert.Throws<StoreInUseException>(() => first.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]));
        using var third = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        Assert.Empty(third.ReadStreams("case"));
    }

    [Fact]
    public void A_new_signal_under_an_identifier_already_stored_fails_the_commit_instead_of_overwriting_the_first()
    {
        var schema = NewSchema();
        using var store = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        store.Commit(Registration(1, reporter: 11));

        var error = Assert.Throws<StoreInUseException>(() => store.Commit(Registration(1, reporter: 12)));

        Assert.Equal("PostgreSQL schema", error.Kind);
        Assert.Equal(11, Assert.Single(StoredRows.Of(store)).Reporter.Value);
        Assert.Single(store.ReadEvents(new SignalId(1)));
    }

    [Fact]
    public async Task A_standby_in_this_process_waits_without_the_lock_and_opens_the_schema_once_the_active_store_is_disposed()
    {
        var schema = NewSchema();
        var active = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        active.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var standby = PostgreSqlSignalStore.OpenAsStandbyAsync(PostgreSqlSignalStoreTests.ConnectionString, schema, StandbyTakeover.Polling, cancel.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.False(standby.IsCompleted);
        active.Append("case", "1", 1, [new StreamEvent("IntakeJoined", 1, Monday, "{}")]);
        active.Dispose();
        using var store = await standby;

        Assert.Equal(2, Assert.Single(store.ReadStreams("case")).Events.Count);
    }

    [Fact]
    public void A_standby_in_another_process_waits_while_this_process_writes_and_writes_once_this_store_is_disposed()
    {
        var schema = NewSchema();
        var active = new PostgreSqlSignalStore(PostgreSqlSignalStoreTests.ConnectionString, schema);
        using var standby = StoreWriterProcess.Start("--standby", "postgres", PostgreSqlSignalStoreTests.ConnectionString, "3", schema);
        try
        {
            Assert.True(SpinWait.SpinUntil(() => standby.Errors.Contains("standby", StringComparison.Ordinal) || standby.HasExited, TimeSpan.FromSeconds(60)));

            // Several polls while this store writes: the standby must neither write nor give up.
            Thread.Sleep(TimeSpan.FromSeconds(1));
            active.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]);
            Assert.Empty(standby.Output);
            Assert.False(standby.HasExited, standby.Errors);
        }
        finally
        {
            active.Dispose();
        }

        Assert.True(standby.WaitUntilWritingOrEnded(), "the standby did not write once the schema was free: " + standby.Errors);
    }

    [Fact]
    public void A_standby_takes_over_within_ten_seconds_when_the_active_process_is_killed_and_serves_every_acknowledged_answer()
    {
        var schema = NewSchema();
        var connection = PostgreSqlSignalStoreTests.ConnectionString;
        StandbyTakeover.Run(
            ["postgres", connection, "7", schema],
            async token => await PostgreSqlSignalStore.OpenAsStandbyAsync(connection, schema, StandbyTakeover.Polling, token),
            store => ((PostgreSqlSignalStore)store).Dispose());
    }

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        foreach (var schema in _created)
        {
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            command.ExecuteNonQuery();
        }
    }

    private static string Named(string schema) =>
        new NpgsqlConnectionStringBuilder(PostgreSqlSignalStoreTests.ConnectionString) { ApplicationName = schema }.ConnectionString;

    /// <summary>Ends the sessions of the store opened with <see cref="Named"/>, as a server restart or a dropped network would.</summary>
    private static void EndSessions(string schema)
    {
        using var connection = new NpgsqlConnection(PostgreSqlSignalStoreTests.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        Assert.Equal(1L, command.ExecuteScalar());
    }

    private static SignalCommit Registration(long id, int reporter)
    {
        var row = new StoredSignal(new SignalId(id), YouthKey.FromStored(TestBsns.First.RevealNumber()), new OrganisationId(1), new ProfessionalId(reporter), Monday.ToUnixTimeTicks(), 25000, SignalExpiry.ActivePeriodEnds, StoredSignalState.Active, false);
        return new SignalCommit([row], [], [new StoredEvent(new SignalId(id), null, "SignalRegistered", 1, Monday, "{}")]);
    }

    private string NewSchema()
    {
        var schema = "availability_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
        _created.Add(schema);
        return schema;
    }
}
