using System;
using System.Threading;

namespace CareCoordination.Sdk.Hosting;

/// <summary>What the health checks report about the hosted services: whether the rebuild is done, the last daily run, and whether the jobs' loop stopped.</summary>
internal sealed class HostingState
{
    private volatile bool _rebuilt;
    private DailyJobReport? _lastRun;
    private Exception? _jobsStopped;

    public bool IsRebuilt => _rebuilt;

    public DailyJobReport? LastRun => Volatile.Read(ref _lastRun);

    public Exception? JobsStopped => Volatile.Read(ref _jobsStopped);

    public void MarkRebuilt() => _rebuilt = true;

    public void Record(DailyJobReport report) => Volatile.Write(ref _lastRun, report);

    public void MarkJobsStopped(Exception error) => Volatile.Write(ref _jobsStopped, error);
}
