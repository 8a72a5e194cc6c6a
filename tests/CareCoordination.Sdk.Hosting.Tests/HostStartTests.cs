using System;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Hosting;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class HostStartTests
{
    [Fact]
    public async Task The_host_rebuilds_the_index_from_the_sqlite_file_while_starting_and_only_then_reports_ready()
    {
        using var scenario = new HostScenario();
        scenario.WriteSignalsBeforehand(HostScenario.Start - NodaTime.Duration.FromDays(30));
        using var host = scenario.Build();

        var before = await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag);
        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("The reference index is rebuilding from its store.", before.Entries[CareCoordinationHealthChecks.ReadyCheck].Description);

        await host.StartAsync();

        var rebuilt = Assert.Single(scenario.Logs.Of(1));
        Assert.Contains("2 active and 0 archived signals", rebuilt.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
        Assert.Equal(HealthStatus.Healthy, (await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag)).Status);
        Assert.Equal(HealthStatus.Healthy, (await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.LiveTag)).Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_hosted_service_registered_before_the_sdk_like_a_web_server_starts_only_after_the_rebuild()
    {
        using var scenario = new HostScenario();
        scenario.WriteSignalsBeforehand(HostScenario.Start - NodaTime.Duration.FromDays(30));
        var server = new ServerLikeService();
        using var host = scenario.Build(services => services.AddSingleton<IHostedService>(provider => server.With(provider)));

        await host.StartAsync();

        Assert.Equal(HealthStatus.Healthy, server.ReadyWhenStarted);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_sqlite_store_is_opened_from_the_configured_path()
    {
        using var scenario = new HostScenario();
        using var host = scenario.Build();
        await host.StartAsync();

        Assert.IsType<Sqlite.SqliteSignalStore>(host.Services.GetRequiredService<ISignalStore>());
        Assert.True(System.IO.File.Exists(scenario.DatabasePath));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_host_restarted_on_the_same_file_finds_what_the_first_one_registered()
    {
        using var scenario = new HostScenario();
        using (var first = scenario.Build())
        {
            await first.StartAsync();
            HostScenario.Register(first.Services.GetRequiredService<ReferenceIndex>());
            await first.StopAsync();
        }

        using var second = scenario.Build();
        await second.StartAsync();

        Assert.Equal(2, second.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
        await second.StopAsync();
    }

    [Fact]
    public async Task A_memory_store_needs_no_file_and_keeps_nothing()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Store:Kind"] = "Memory";
        scenario.Settings.Remove("CareCoordination:Store:Path");
        using var host = scenario.Build();

        await host.StartAsync();

        Assert.Null(host.Services.GetService<ISignalStore>());
        Assert.Equal(HealthStatus.Healthy, (await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag)).Status);
        Assert.False(System.IO.File.Exists(scenario.DatabasePath));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_postgresql_store_comes_from_its_connection_string_and_schema()
    {
        var connection = Environment.GetEnvironmentVariable("CARECOORDINATION_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CARECOORDINATION_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL server.");
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Store:Kind"] = "PostgreSql";
        scenario.Settings["CareCoordination:Store:CheckpointPath"] = scenario.DatabasePath + ".checkpoints";
        scenario.Settings.Remove("CareCoordination:Store:Path");
        scenario.Settings["CareCoordination:Store:ConnectionString"] = connection;
        scenario.Settings["CareCoordination:Store:Schema"] = "hosting_" + Guid.NewGuid().ToString("N")[..12];
        using var host = scenario.Build();

        await host.StartAsync();
        HostScenario.Register(host.Services.GetRequiredService<ReferenceIndex>());

        Assert.IsType<PostgreSql.PostgreSqlSignalStore>(host.Services.GetRequiredService<ISignalStore>());
        Assert.Equal(HealthStatus.Healthy, (await HostScenario.CheckAsync(host, CareCoordinationHealthChecks.ReadyTag)).Status);
        await host.StopAsync();
    }

    [Fact]
    public void Registering_the_hosting_twice_registers_each_hosted_service_and_health_check_once()
    {
        using var scenario = new HostScenario();
        var section = new ConfigurationBuilder().AddInMemoryCollection(scenario.Settings).Build().GetSection("CareCoordination");
        using var host = scenario.Build(services => services.AddCareCoordinationHosting(section));

        Assert.Equal(2, host.Services.GetServices<IHostedService>().Count(s => s.GetType().Assembly == typeof(CareCoordinationDailyJobs).Assembly));
        var checks = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Equal([CareCoordinationHealthChecks.LiveCheck, CareCoordinationHealthChecks.ReadyCheck], checks.Select(c => c.Name).Order());
    }

    /// <summary>Stands for ASP.NET Core's server, which the web host registers before the application's services.</summary>
    private sealed class ServerLikeService : IHostedService
    {
        private IServiceProvider? _provider;

        public HealthStatus? ReadyWhenStarted { get; private set; }

        public ServerLikeService With(IServiceProvider provider)
        {
            _provider = provider;
            return this;
        }

        public async Task StartAsync(System.Threading.CancellationToken cancellationToken)
        {
            var report = await _provider!.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains(CareCoordinationHealthChecks.ReadyTag), cancellationToken);
            ReadyWhenStarted = report.Status;
        }

        public Task StopAsync(System.Threading.CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
