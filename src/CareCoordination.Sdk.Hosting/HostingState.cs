using System;
using System.Threading;
using System.Threading.Tasks;

namespace CareCoordination.Sdk.Hosting;

/// <summary>What the health checks report about the hosted services: whether the rebuild is done (or a standby still waits for the store), the last daily run, and whether the jobs' loop stopped.</summary>
internal sealed class HostingState
{
    private readonly TaskCompletionSource _rebuiltSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _rebuilt;
    private volatile bool _waitingAsStandby;
    private DailyJobReport? _lastRun;
    private Exception? _jobsStopped;

    public bool IsRebuilt => _rebuilt;

    /// <summary>Gets how many damaged stored rows the rebuild left out.</summary>
    public int QuarantinedRows { get; set; }

    public bool IsWaitingAsStandby => _waitingAsStandby;

    public Task Rebuilt => _rebuiltSignal.Task;

    public DailyJobReport? LastRun => Volatile.Read(ref _lastRun);

    public Exception? JobsStopped => Volatile.Read(ref _jobsStopped);

    public void MarkWaitingAsStandby(bool waiting) => _waitingAsStandby = waiting;

    public void MarkRebuilt()
    {
        _rebuilt = true;
        _rebuiltSignal.TrySetResult();
    }

    public void Record(DailyJobReport report) => Volatile.Write(ref _lastRun, report);

    public void MarkJobsStopped(Exception error) => Volatile.Write(ref _jobsStopped, error);
}
