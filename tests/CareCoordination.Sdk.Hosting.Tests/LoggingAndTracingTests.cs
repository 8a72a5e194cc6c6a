using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class LoggingAndTracingTests
{
    [Fact]
    public async Task No_log_line_of_a_hosted_story_carries_a_bsn_in_any_form()
    {
        using var scenario = new HostScenario();
        scenario.WriteSignalsBeforehand(Instant.FromUtc(2024, 11, 20, 12, 0));
        scenario.Settings["CareCoordination:DailyJobs:AuditRetentionInMonths"] = "60";
        var youths = TestBsns.Generate(20, seed: 5);
        using var host = scenario.Build(services => services.AddSingleton<IReferenceIndexObserver>(new FailingOnArchive()));
        await host.StartAsync();
        var index = host.Services.GetRequiredService<ReferenceIndex>();
        foreach (var bsn in youths)
        {
            var youth = new Youth(bsn, new LocalDate(2015, 3, 1));
            index.Register(new SignalRegistration(youth, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout)).ThrowIfRefused();
            index.Register(new SignalRegistration(youth, TestRegion.YouthHealthCare, TestRegion.ReporterOf(TestRegion.YouthHealthCare), ReportingCriterion.SeriousUpbringingProblems)).ThrowIfRefused();
        }

        await scenario.Timer.NextRequestAsync();
        await scenario.Timer.FireAndWaitForNextAsync();
        await host.StopAsync();

        var logged = scenario.Logs.AllText();
        Assert.Contains("The daily job expiry failed for 2026-11-24", logged, StringComparison.Ordinal);
        Assert.Contains("*****2333", logged, StringComparison.Ordinal);
        foreach (var bsn in youths.Append(TestBsns.First))
        {
            var digits = bsn.RevealNumber().ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain(digits, logged, StringComparison.Ordinal);
            Assert.DoesNotContain(digits.TrimStart('0'), logged, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_rebuild_and_each_daily_job_are_spans_of_the_sdks_activity_source()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CareCoordinationTracing.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:DailyJobs:AuditRetentionInMonths"] = "60";
        using var host = scenario.Build();

        await host.StartAsync();
        await scenario.Timer.NextRequestAsync();
        await scenario.Timer.FireAndWaitForNextAsync();
        await host.StopAsync();

        Assert.Contains(spans, s => s.OperationName == CareCoordinationTracing.RebuildActivity);
        var jobs = spans.Where(s => s.OperationName == CareCoordinationTracing.DailyJobActivity).Select(s => (string?)s.GetTagItem(CareCoordinationTracing.JobTag)).ToHashSet();
        Assert.Superset(new[] { CareCoordinationDailyJobs.ExpiryJob, CareCoordinationDailyJobs.EscalationJob, CareCoordinationDailyJobs.AuditRetentionJob }.ToHashSet<string?>(), jobs);
    }

    /// <summary>An observer whose exception names the youth, as a careless vendor's might: the failed job logs it in full.</summary>
    private sealed class FailingOnArchive : IReferenceIndexObserver
    {
        public void OnSignalArchived(in Signals.Events.SignalArchived e) => throw new InvalidOperationException($"Archiving the signal on {e.Signal.Youth} failed.");
    }
}
