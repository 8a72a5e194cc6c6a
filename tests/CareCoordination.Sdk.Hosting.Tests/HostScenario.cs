using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Hosting;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Hosting.Tests;

/// <summary>
/// A generic host as a vendor builds it (Host.CreateApplicationBuilder), with its settings in memory, a SQLite file in
/// a folder of its own, a fake clock, a job timer the test fires, and every log line captured.
/// </summary>
internal sealed class HostScenario : IDisposable
{
    /// <summary>Monday 23 November 2026, 13:00 in Amsterdam.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 12, 0);

    public static readonly string AuditKey = Convert.ToBase64String(TestKeys.Bytes("hosting audit"));

    public static readonly string AuditChainKey = Convert.ToBase64String(TestKeys.Bytes("hosting audit chain"));

    public static readonly Youth FirstYouth = new(TestBsns.First, new LocalDate(2016, 5, 1));

    public HostScenario()
    {
        Folder = Directory.CreateTempSubdirectory("carecoordination-hosting-").FullName;
        DatabasePath = Path.Combine(Folder, "index.db");
        Clock = new FakeClock(Start);
        Timer = new ManualJobTimer(Clock);
        Settings = new Dictionary<string, string?>
        {
            ["CareCoordination:Store:Kind"] = "Sqlite",
            ["CareCoordination:Store:Path"] = DatabasePath,
            ["CareCoordination:Keys:Pseudonymiser"] = AuditKey,
            ["CareCoordination:Keys:AuditChain"] = AuditChainKey,
            ["CareCoordination:DailyJobs:ServiceAccount"] = "9001",
        };
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public FakeClock Clock { get; }

    public ManualJobTimer Timer { get; }

    public LogCapture Logs { get; } = new();

    public Dictionary<string, string?> Settings { get; }

    public IHost Build(Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs);
        builder.Services.AddSingleton<IClock>(Clock);
        builder.Services.AddSingleton<IJobTimer>(Timer);
        builder.Services.AddSingleton(TestRegion.CreateDirectory());
        configure?.Invoke(builder.Services);
        builder.Services.AddCareCoordinationHosting(builder.Configuration.GetSection("CareCoordination"));
        return builder.Build();
    }

    /// <summary>Writes two signals on the first youth (school, then youth health care) into the SQLite file, as an earlier run of the host would have.</summary>
    public void WriteSignalsBeforehand(Instant at, YouthPseudonymiser? pseudonymiser = null)
    {
        using var store = new SqliteSignalStore(DatabasePath);
        var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(at), store, null, pseudonymiser);
        Register(index);
    }

    public static void Register(ReferenceIndex index)
    {
        index.Register(new SignalRegistration(FirstYouth, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout)).ThrowIfRefused();
        index.Register(new SignalRegistration(FirstYouth, TestRegion.YouthHealthCare, TestRegion.ReporterOf(TestRegion.YouthHealthCare), ReportingCriterion.SeriousUpbringingProblems)).ThrowIfRefused();
    }

    public static Task<HealthReport> CheckAsync(IHost host, string tag) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains(tag));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
