using System;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class QuarantineTests
{
    [Fact]
    public async Task A_damaged_row_stops_the_start_by_default_naming_the_table_and_the_row()
    {
        using var scenario = new HostScenario();
        var damaged = DamageFirstSignal(scenario);
        using var host = scenario.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var corrupt = Assert.IsType<CorruptStoredDataException>(error as CorruptStoredDataException ?? error.InnerException);
        Assert.Equal(("signals", damaged), (corrupt.Table, corrupt.RowKey));
    }

    [Fact]
    public async Task With_quarantine_configured_a_damaged_row_is_left_out_logged_without_a_BSN_counted_and_the_instance_is_ready_but_degraded()
    {
        using var scenario = new HostScenario();
        var damaged = DamageFirstSignal(scenario);
        scenario.Settings["CareCoordination:Store:CorruptRows"] = "Quarantine";
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CareCoordinationTracing.MeterName && instrument.Name == "carecoordination.store.rows_quarantined")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        // Every host the other tests start in parallel reports through the same static counter, on its own thread.
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        using var host = scenario.Build();

        await host.StartAsync();

        var logged = Assert.Single(scenario.Logs.Of(13));
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("table signals, row " + damaged, logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(HostScenario.FirstYouth.Bsn.RevealDigits(), scenario.Logs.AllText(), StringComparison.Ordinal);
        Assert.Equal(1, Interlocked.Read(ref counted));
        var ready = await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag);
        Assert.Equal(HealthStatus.Degraded, ready.Status);
        Assert.StartsWith("The index is rebuilt without 1 damaged stored rows", ready.Entries[CareCoordinationHealthChecks.ReadyCheck].Description, StringComparison.Ordinal);
        await host.StopAsync();
    }

    /// <summary>Writes two signals as an earlier run would, then gives the first an expiry reason no version of the SDK defines.</summary>
    private static string DamageFirstSignal(HostScenario scenario)
    {
        scenario.WriteSignalsBeforehand(HostScenario.Start);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = scenario.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE signals SET expiry = 99 WHERE id = (SELECT MIN(id) FROM signals) RETURNING id";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
