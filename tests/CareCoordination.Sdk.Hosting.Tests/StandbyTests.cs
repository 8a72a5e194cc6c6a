using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class StandbyTests
{
    [Fact]
    public async Task A_standby_host_is_live_but_not_ready_while_the_active_one_writes_and_serves_everything_it_wrote_once_it_stops()
    {
        using var active = new HostScenario();
        active.WriteSignalsBeforehand(HostScenario.Start);
        using var first = active.Build();
        await first.StartAsync();
        using var waiting = new HostScenario();
        waiting.Settings["CareCoordination:Store:Path"] = active.DatabasePath;
        waiting.Settings["CareCoordination:Store:Standby"] = "true";
        using var second = waiting.Build();

        await second.StartAsync();
        var ready = await HostScenario.CheckAsync(second, CareCoordinationHealthChecks.ReadyTag);
        Assert.Equal("Standby: waiting for the store's writer lock, held by the active instance.", ready.Entries[CareCoordinationHealthChecks.ReadyCheck].Description);
        Assert.Equal(HealthStatus.Healthy, (await HostScenario.CheckAsync(second, CareCoordinationHealthChecks.LiveTag)).Status);

        var sara = new Youth(TestBsns.Second, new LocalDate(2019, 2, 1));
        first.Services.GetRequiredService<ReferenceIndex>().Register(new SignalRegistration(sara, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), ReportingCriterion.FinancialProblems)).ThrowIfRefused();
        await first.StopAsync();
        first.Dispose();

        await WaitUntilReadyAsync(second);
        var index = second.Services.GetRequiredService<ReferenceIndex>();
        Assert.Equal(3, index.ActiveSignalCount);
        Assert.Contains(waiting.Logs.Of(12), e => e.Message.StartsWith("Standby: took over the Sqlite store", System.StringComparison.Ordinal));
        await second.StopAsync();
    }

    [Fact]
    public async Task A_standby_that_never_takes_over_stops_with_its_host()
    {
        using var active = new HostScenario();
        using var first = active.Build();
        await first.StartAsync();
        using var waiting = new HostScenario();
        waiting.Settings["CareCoordination:Store:Path"] = active.DatabasePath;
        waiting.Settings["CareCoordination:Store:Standby"] = "true";
        using var second = waiting.Build();
        await second.StartAsync();

        await second.StopAsync();

        Assert.Equal(HealthStatus.Unhealthy, (await HostScenario.CheckAsync(second, CareCoordinationHealthChecks.ReadyTag)).Status);
        Assert.Empty(waiting.Logs.Of(12));
        await first.StopAsync();
    }

    // A guard against a hung test, not a measurement: the standby tries the lock once a second.
    private static async Task WaitUntilReadyAsync(IHost host)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag)).Status == HealthStatus.Healthy)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The standby did not take over.");
    }
}
