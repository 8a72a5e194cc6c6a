using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class HostingConfigurationTests
{
    public static TheoryData<string, Type> Sections => new()
    {
        { "Store", typeof(CareCoordinationStoreOptions) },
        { "Keys", typeof(CareCoordinationKeyOptions) },
        { "DailyJobs", typeof(DailyJobOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_public_setting_is_known_to_the_binding_so_none_is_reported_as_a_typo(string section, Type options)
    {
        var settings = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => $"CareCoordination:{section}:{p.Name}", _ => (string?)string.Empty);
        var bound = new CareCoordinationHostingOptions();

        HostingConfiguration.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("CareCoordination"), bound);

        Assert.DoesNotContain(bound.ConfigurationProblems, p => p.Contains("is not a setting", StringComparison.Ordinal));
    }

    [Fact]
    public void The_store_kind_is_read_case_insensitively_as_operators_write_it()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CareCoordination:Store:Kind"] = "postgresql" }).Build().GetSection("CareCoordination");

        Assert.Equal(CareCoordinationStoreKind.PostgreSql, HostingConfiguration.ConfiguredStoreKind(section));
    }

    [Fact]
    public async Task The_clock_timer_returns_at_once_when_the_run_is_already_due()
    {
        var clock = new FakeClock(HostScenario.Start);
        var timer = new ClockJobTimer(clock);

        var wait = timer.WaitUntilAsync(HostScenario.Start, CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task The_clock_timer_stops_waiting_when_the_host_stops()
    {
        var timer = new ClockJobTimer(new FakeClock(HostScenario.Start));
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => timer.WaitUntilAsync(HostScenario.Start + Duration.FromDays(1), stopping.Token).AsTask());
    }
}
