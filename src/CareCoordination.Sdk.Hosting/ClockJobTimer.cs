using System;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CareCoordination.Sdk.Hosting;

/// <summary>The production <see cref="IJobTimer"/>: sleeps towards the due instant and asks the clock again on waking.</summary>
internal sealed class ClockJobTimer(IClock clock) : IJobTimer
{
    // Sleeping in stretches of at most an hour follows a clock that is corrected (NTP) or a machine that was suspended,
    // instead of trusting one long timer set the day before.
    private static readonly Duration LongestSleep = Duration.FromHours(1);

    public async ValueTask WaitUntilAsync(Instant due, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = due - clock.GetCurrentInstant();
            if (remaining <= Duration.Zero)
            {
                return;
            }

            var sleep = remaining < LongestSleep ? remaining : LongestSleep;

            // Rounded up, so that waking never comes a tick early and loops on a remainder of less than a millisecond.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(sleep.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
        }
    }
}
