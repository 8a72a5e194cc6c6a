using System.Diagnostics;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// What one replay did and how long its parts took. The counts are the same for every correct target, so the benchmark
/// reports them next to the times: a target that is fast because it matched less shows it.
/// </summary>
internal sealed class ReplayCounts
{
    public long Registered { get; set; }

    public long Renewed { get; set; }

    public long Refused { get; set; }

    public long SameYouthMatches { get; set; }

    public long FamilyMatches { get; set; }

    public long ArchivedMatches { get; set; }

    public long ExpiredToArchive { get; set; }

    public long RemovedAtAgeLimit { get; set; }

    public long DeletedFromArchive { get; set; }

    /// <summary>Stopwatch ticks spent registering (each day's registrations, families included), without the daily jobs.</summary>
    public long RegistrationTicks { get; set; }

    /// <summary>Stopwatch ticks spent in the daily jobs.</summary>
    public long JobTicks { get; set; }

    /// <summary>Stopwatch ticks of the slowest daily job.</summary>
    public long SlowestJobTicks { get; set; }

    public int Days { get; set; }

    public long Registrations => Registered + Renewed + Refused;

    public double RegistrationNanosecondsEach => Registrations == 0 ? 0 : RegistrationTicks * (1e9 / Stopwatch.Frequency) / Registrations;

    public double JobMicrosecondsPerDay => Days == 0 ? 0 : JobTicks * (1e6 / Stopwatch.Frequency) / Days;

    public double SlowestJobMicroseconds => SlowestJobTicks * (1e6 / Stopwatch.Frequency);
}
