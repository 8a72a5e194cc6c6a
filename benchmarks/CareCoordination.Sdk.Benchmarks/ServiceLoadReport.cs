using System;
using System.Globalization;
using System.Text;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>What one service load run measured: each kind of request, the failures, the server's memory, and the in-process figure of the same run.</summary>
internal sealed record ServiceLoadReport(
    StoreKind Store,
    int Clients,
    TimeSpan Elapsed,
    OperationFigures Registrations,
    OperationFigures Lookups,
    OperationFigures FeedReads,
    long Failed,
    string? FirstFailure,
    long PeakWorkingSet,
    long PeakHeap,
    long EndWorkingSet,
    long EndHeap,
    TimeSpan ServerCpu,
    TimeSpan ClientCpu,
    OperationFigures? InProcessRegistrations)
{
    /// <summary>Gets every completed request a second, of all kinds.</summary>
    public double RequestsPerSecond => Registrations.PerSecond + Lookups.PerSecond + FeedReads.PerSecond;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"service over loopback: {Store}, {Clients} clients, {Elapsed.TotalSeconds:F1} s, {Environment.ProcessorCount} cores");
        text.AppendLine(CultureInfo.InvariantCulture, $"  all requests   {RequestsPerSecond,8:N0}/s, failed {Failed:N0}{(FirstFailure is null ? string.Empty : " (first: " + FirstFailure + ")")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  registrations  {Registrations}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  lookups        {Lookups}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  feed reads     {FeedReads}");
        var requests = Registrations.Count + Lookups.Count + FeedReads.Count;
        text.AppendLine(CultureInfo.InvariantCulture, $"  processor: server {ServerCpu / Elapsed:F2} cores, {ServerCpu.TotalMicroseconds / Math.Max(1, requests):F0} us a request; clients {ClientCpu / Elapsed:F2} cores, {ClientCpu.TotalMicroseconds / Math.Max(1, requests):F0} us a request");
        text.AppendLine(CultureInfo.InvariantCulture, $"  server memory: working set peak {Mb(PeakWorkingSet)} MB, end {Mb(EndWorkingSet)} MB; GC heap peak {Mb(PeakHeap)} MB, end {Mb(EndHeap)} MB");
        if (InProcessRegistrations is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"in process, same store kind, {Clients} callers: registrations {InProcessRegistrations}");
        }

        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture);
}
