using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Availability;
using CareCoordination.Sdk.Tests.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Sqlite.Tests;

/// <summary>A SQLite store kept available: a busy file, a standby that takes over, and one writer per file.</summary>
public sealed class SqliteAvailabilityTests : IDisposable
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 23, 9, 0);
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-sqlite-availability-").FullName;

    [Fact]
    public void A_file_another_program_keeps_locked_gives_a_transient_error_after_the_busy_timeout_and_the_store_writes_again_once_it_is_free()
    {
        var path = Path.Combine(_directory, "busy.db");
        using var store = new SqliteSignalStore(path, new SqliteStoreOptions { BusyTimeout = TimeSpan.FromSeconds(1) });
        store.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]);

        StoreUnavailableException error;
        using (var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            other.Open();
            using var exclusive = other.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();

            error = Assert.Throws<StoreUnavailableException>(() => store.Append("case", "1", 1, [new StreamEvent("IntakeJoined", 1, Monday, "{}")]));
        }

        Assert.Equal("SQLite file", error.Kind);
        Assert.Equal(Path.GetFullPath(path), error.Name);
        Assert.Single(Assert.Single(store.ReadStreams("case")).Events);
        store.Append("case", "1", 1, [new StreamEvent("IntakeJoined", 1, Monday, "{}")]);
        Assert.Equal(2, Assert.Single(store.ReadStreams("case")).Events.Count);
    }

    [Fact]
    public void A_new_signal_under_an_identifier_already_stored_fails_the_commit_instead_of_overwriting_the_first()
    {
        var path = Path.Combine(_directory, "duplicate.db");
        using var store = new SqliteSignalStore(path);
        store.Commit(Registration(1, reporter: 11));

        var error = Assert.Throws<StoreInUseException>(() => store.Commit(Registration(1, reporter: 12)));

        Assert.Equal("SQLite file", error.Kind);
        Assert.Equal(11, Assert.Single(StoredRows.Of(store)).Reporter.Value);
        Assert.Single(store.ReadEvents(new SignalId(1)));
    }

    [Fact]
    public async Task A_standby_in_this_process_waits_without_the_lock_and_opens_the_file_once_the_active_store_is_disposed()
    {
        var path = Path.Combine(_directory, "standby.db");
        var active = new SqliteSignalStore(path);
        active.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var standby = SqliteSignalStore.OpenAsStandbyAsync(path, null, StandbyTakeover.Polling, cancel.Token);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.False(standby.IsCompleted);
        active.Append("case", "1", 1, [new StreamEvent("IntakeJoined", 1, Monday, "{}")]);
        active.Dispose();
        using var store = await standby;

        Assert.Equal(2, Assert.Single(store.ReadStreams("case")).Events.Count);
    }

    [Fact]
    public async Task A_cancelled_standby_stops_waiting_and_leaves_the_active_store_writing()
    {
        var path = Path.Combine(_directory, "cancelled.db");
        using var active = new SqliteSignalStore(path);
        using var cancel = new CancellationTokenSource();

        var standby = SqliteSignalStore.OpenAsStandbyAsync(path, null, StandbyTakeover.Polling, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => standby);
        active.Append("case", "1", 0, [new StreamEvent("CaseOpened", 1, Monday, "{}")]);
    }

    [Fact]
    public void A_standby_in_another_process_waits_while_this_process_writes_and_writes_once_this_store_is_disposed()
    {
        var path = Path.Combine(_directory, "standby-process.db");
        var active = new SqliteSignalStore(path);
        using var standby = StoreWriterProcess.Start("--standby", "sqlite", path, "3");
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

        Assert.True(standby.WaitUntilWritingOrEnded(), "the standby did not write once the file was free: " + standby.Errors);
    }

    [Fact]
    public void A_standby_takes_over_within_ten_seconds_when_the_active_process_is_killed_and_serves_every_acknowledged_answer()
    {
        var path = Path.Combine(_directory, "takeover.db");
        StandbyTakeover.Run(
            ["sqlite", path, "7"],
            async token => await SqliteSignalStore.OpenAsStandbyAsync(path, null, StandbyTakeover.Polling, token),
            store => ((SqliteSignalStore)store).Dispose());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a writer that is being killed; the temporary folder is cleaned by the system.
        }
    }

    private static SignalCommit Registration(long id, int reporter)
    {
        var row = new StoredSignal(new SignalId(id), YouthKey.FromStored(TestBsns.First.RevealNumber()), new OrganisationId(1), new ProfessionalId(reporter), Monday.ToUnixTimeTicks(), 25000, SignalExpiry.ActivePeriodEnds, StoredSignalState.Active, false);
        return new SignalCommit([row], [], [new StoredEvent(new SignalId(id), null, "SignalRegistered", 1, Monday, "{}")]);
    }
}
