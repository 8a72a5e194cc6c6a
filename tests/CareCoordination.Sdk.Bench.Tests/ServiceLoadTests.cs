using System;
using CareCoordination.Sdk.Benchmarks;
using Xunit;

namespace CareCoordination.Sdk.Bench.Tests;

/// <summary>
/// A five-second smoke of the service load run (the full run is 60 s with 64 clients, in docs/benchmarks.md): the
/// service starts on a loopback port, the clients register, look up and read their feeds through the client package,
/// and the report has figures for each. It checks that the run works, not how fast it is.
/// </summary>
public sealed class ServiceLoadTests
{
    [Fact]
    public void A_short_load_run_against_the_real_service_reports_throughput_of_every_request_kind_and_no_failed_request()
    {
        var report = ServiceLoadBenchmark.Measure(StoreKind.Sqlite, clients: 8, TimeSpan.FromSeconds(5), inProcess: false);

        Assert.True(report.Failed == 0, report.ToString());
        Assert.True(report.Registrations.Count > 0 && report.Lookups.Count > 0 && report.FeedReads.Count > 0, report.ToString());
        Assert.True(report.RequestsPerSecond > 0, report.ToString());
        Assert.True(report.Registrations.P99 >= report.Registrations.P50, report.ToString());
        Assert.True(report.PeakWorkingSet > 0 && report.PeakHeap > 0, report.ToString());
    }
}
