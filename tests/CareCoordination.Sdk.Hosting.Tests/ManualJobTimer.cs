using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CareCoordination.Sdk.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Hosting.Tests;

/// <summary>
/// A job timer the test drives: the daily jobs ask it to wait until an instant, and the test decides when that instant
/// has come, moving the fake clock there first. Nothing waits on real time.
/// </summary>
internal sealed class ManualJobTimer(FakeClock clock) : IJobTimer
{
    // Only a guard against a test that hangs because the service never asks again; no assertion depends on it.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Channel<Instant> _requests = Channel.CreateUnbounded<Instant>();
    private TaskCompletionSource? _pending;
    private Instant _due;

    public async ValueTask WaitUntilAsync(Instant due, CancellationToken cancellationToken)
    {
        var elapse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending = elapse;
            _due = due;
        }

        _requests.Writer.TryWrite(due);
        await elapse.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The instant of the next wait the daily jobs ask for; once it is asked, the previous run has finished.</summary>
    public Task<Instant> NextRequestAsync() => _requests.Reader.ReadAsync().AsTask().WaitAsync(HangGuard);

    /// <summary>Moves the fake clock to the pending wait's instant and ends the wait, so the jobs run.</summary>
    public void Fire()
    {
        lock (_gate)
        {
            var pending = _pending ?? throw new InvalidOperationException("The daily jobs wait for nothing yet.");
            if (clock.GetCurrentInstant() < _due)
            {
                clock.Reset(_due);
            }

            _pending = null;
            pending.SetResult();
        }
    }

    /// <summary>Fires the pending wait and returns the next one, after the run in between has finished.</summary>
    public async Task<Instant> FireAndWaitForNextAsync()
    {
        Fire();
        return await NextRequestAsync().ConfigureAwait(false);
    }
}
