using System.Threading;
using NodaTime;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>
/// The simulated time of a replay: the replayer sets it to each day's hours and every registration moves it on a
/// little. Thread-safe, because concurrent clients register at the same time; measuring uses a Stopwatch, never this.
/// </summary>
internal sealed class SimulatedClock : IClock
{
    private long _ticks;

    public SimulatedClock(Instant start) => _ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Volatile.Read(ref _ticks));

    public void SetTo(Instant instant) => Volatile.Write(ref _ticks, instant.ToUnixTimeTicks());

    public void Advance(long ticks) => Interlocked.Add(ref _ticks, ticks);
}
