using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class ReadyHealthCheckTests
{
    [Fact]
    public async Task The_host_is_not_ready_once_its_sqlite_file_is_deleted_underneath_the_open_store()
    {
        using var scenario = new HostScenario();
        using var host = scenario.Build();
        await host.StartAsync();
        Assert.Equal(HealthStatus.Healthy, (await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag)).Status);

        File.Delete(scenario.DatabasePath);

        var ready = await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag);
        Assert.Equal(HealthStatus.Unhealthy, ready.Status);
        Assert.Equal(
            "The SQLite file named by CareCoordination:Store:Path is gone; what the store writes now is lost at the next start.",
            ready.Entries[CareCoordinationHealthChecks.ReadyCheck].Description);
        Assert.Equal(HealthStatus.Healthy, (await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.LiveTag)).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_host_is_not_ready_once_its_sqlite_file_is_replaced_by_one_that_is_no_database()
    {
        using var scenario = new HostScenario();
        using var host = scenario.Build();
        await host.StartAsync();

        // Replaced with its write-ahead log, as a botched restore would: the log would otherwise still serve the pages.
        foreach (var file in new[] { scenario.DatabasePath, scenario.DatabasePath + "-wal", scenario.DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(scenario.DatabasePath, new string('x', 8192));

        var ready = await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag);
        Assert.Equal(HealthStatus.Unhealthy, ready.Status);
        var entry = ready.Entries[CareCoordinationHealthChecks.ReadyCheck];
        Assert.Equal("The SQLite file named by CareCoordination:Store:Path cannot be read as a database.", entry.Description);
        Assert.NotNull(entry.Exception);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_host_is_not_ready_once_the_store_no_longer_answers()
    {
        using var scenario = new HostScenario();
        using var host = scenario.Build();
        await host.StartAsync();

        ((IDisposable)Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Storage.ISignalStore>(host.Services)).Dispose();

        var ready = await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag);
        Assert.Equal(HealthStatus.Unhealthy, ready.Status);
        Assert.Equal("The store does not answer.", ready.Entries[CareCoordinationHealthChecks.ReadyCheck].Description);
        await host.StopAsync();
    }
}
