using System;
using System.Diagnostics;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// One implementation of the index's rules that a workload can be replayed through. The replay is single-threaded:
/// the benchmark measures what one registration costs, not how clients contend.
/// </summary>
internal abstract class ReplayTarget : IDisposable
{
    protected ReplayTarget(ReplayWorkload workload) => Workload = workload;

    protected ReplayWorkload Workload { get; }

    /// <summary>
    /// Replays every day: the daily job first (02:00), then the day's registrations in order (from 08:00). The two are
    /// timed apart so that the report can show registrations with and without the jobs.
    /// </summary>
    public ReplayCounts Run()
    {
        var counts = new ReplayCounts { Days = Workload.Days };
        for (var day = 0; day < Workload.Days; day++)
        {
            var started = Stopwatch.GetTimestamp();
            RunDailyJob(day, counts);
            var jobEnded = Stopwatch.GetTimestamp();
            var job = jobEnded - started;
            counts.JobTicks += job;
            counts.SlowestJobTicks = Math.Max(counts.SlowestJobTicks, job);

            BeginDay(day);
            for (var i = Workload.DayStart[day]; i < Workload.DayStart[day + 1]; i++)
            {
                Register(i, day, counts);
            }

            EndDay();
            counts.RegistrationTicks += Stopwatch.GetTimestamp() - jobEnded;
        }

        return counts;
    }

    public virtual void Dispose()
    {
    }

    /// <summary>Archives what ended, removes youths who turned 23, deletes what the archive no longer keeps.</summary>
    protected abstract void RunDailyJob(int day, ReplayCounts counts);

    protected virtual void BeginDay(int day)
    {
    }

    protected abstract void Register(int i, int day, ReplayCounts counts);

    protected virtual void EndDay()
    {
    }
}
