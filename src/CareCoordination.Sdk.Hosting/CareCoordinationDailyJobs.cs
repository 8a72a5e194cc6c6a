using System;
using System.Collections.Generic;
using System.Diagnostics;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Logbook;
using CareCoordination.Sdk.Logbook.Book;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// The jobs a host runs every day (docs/operations.md): the lifetime of signals (<see cref="ReferenceIndex.ExpireDue"/>:
/// to the archive, and out of it past the archive period), the escalation ladder of stalled plans
/// (<see cref="PlanBook.AdvanceEscalations"/>), the audit trail's retention (<see cref="AuditTrail.PurgeBefore"/>), and
/// the logbook's (<see cref="SignalLogbook.Purge"/>).
/// The hosted service runs them at <see cref="DailyJobOptions.TimeOfDay"/> in the region's time zone; a host may also
/// run them itself.
/// </summary>
/// <remarks>
/// A job that fails is logged with its exception and the next job still runs; the next day runs again. Each job is a
/// span of the <see cref="CareCoordinationTracing.ActivitySourceName"/> source.
/// </remarks>
public sealed class CareCoordinationDailyJobs
{
    /// <summary>The name of the expiry job, in logs, spans and <see cref="DailyJobReport.FailedJobs"/>.</summary>
    public const string ExpiryJob = "expiry";

    /// <summary>The name of the escalation job.</summary>
    public const string EscalationJob = "escalation";

    /// <summary>The name of the audit retention job.</summary>
    public const string AuditRetentionJob = "audit-retention";

    /// <summary>The name of the logbook retention job.</summary>
    public const string LogbookRetentionJob = "logbook-retention";

    private readonly ReferenceIndex _index;
    private readonly PlanBook _plans;
    private readonly AuditTrail _audit;
    private readonly SignalLogbook _logbook;
    private readonly DailyJobOptions _options;
    private readonly DateTimeZone _zone;
    private readonly ILogger _logger;
    private readonly HostingState _state;

    internal CareCoordinationDailyJobs(ReferenceIndex index, PlanBook plans, AuditTrail audit, SignalLogbook logbook, DailyJobOptions options, ILogger logger, HostingState state)
    {
        _index = index;
        _plans = plans;
        _audit = audit;
        _logbook = logbook;
        _options = options;
        _zone = index.Policy.TimeZone;
        _logger = logger;
        _state = state;
    }

    /// <summary>Gets the first instant after <paramref name="after"/> at which the jobs are due: the configured time of day in the region's time zone.</summary>
    /// <param name="after">The instant to count from, exclusive.</param>
    /// <returns>The next run.</returns>
    public Instant NextRunAfter(Instant after)
    {
        var time = LocalTime.FromTicksSinceMidnight(_options.TimeOfDay.Ticks);
        var day = after.InZone(_zone).Date;
        while (true)
        {
            // Leniently: a time skipped by the spring clock change runs as much later as the gap is long, and a time
            // that occurs twice in autumn runs once, at its first occurrence.
            var due = day.At(time).InZoneLeniently(_zone).ToInstant();
            if (due > after)
            {
                return due;
            }

            day = day.PlusDays(1);
        }
    }

    /// <summary>Gets the day, in the region's time zone, that a run due at <paramref name="due"/> is for.</summary>
    /// <param name="due">The run's instant.</param>
    /// <returns>The day.</returns>
    public LocalDate DayOf(Instant due) => due.InZone(_zone).Date;

    /// <summary>Runs the jobs for a day; a job that fails is logged and reported, and the others still run.</summary>
    /// <param name="day">The day to run for, in the region's time zone; a host that missed a day passes it, so that the escalation check counts from it.</param>
    /// <returns>What the jobs did.</returns>
    public DailyJobReport Run(LocalDate day)
    {
        var failed = new List<string>();
        var expiry = RunJob(ExpiryJob, day, failed, () => (ExpiryReport?)_index.ExpireDue());
        if (expiry is { } done)
        {
            HostingLog.ExpiryRan(_logger, day, done.Archived, done.RemovedAtAgeLimit, done.DeletedFromArchive);
        }

        var escalated = RunJob(EscalationJob, day, failed, () => (int?)_plans.AdvanceEscalations(new ProfessionalId(_options.ServiceAccount), day).Count);
        if (escalated is { } moved)
        {
            HostingLog.EscalationsAdvanced(_logger, day, moved);
        }

        int? purged = null;
        if (_options.AuditRetentionInMonths is { } months)
        {
            var cutoff = day.PlusMonths(-months).AtStartOfDayInZone(_zone).ToInstant();
            purged = RunJob(AuditRetentionJob, day, failed, () => (int?)_audit.PurgeBefore(cutoff));
            if (purged is { } count)
            {
                HostingLog.AuditPurged(_logger, day, count, cutoff);
            }
        }

        var erased = RunJob(LogbookRetentionJob, day, failed, () => (int?)_logbook.Purge(day));
        if (erased is { } lines)
        {
            HostingLog.LogbookPurged(_logger, day, lines);
        }

        var report = new DailyJobReport(day, expiry, escalated, purged, erased, failed);
        _state.Record(report);
        return report;
    }

    private T? RunJob<T>(string job, LocalDate day, List<string> failed, Func<T?> run)
        where T : struct
    {
        using var activity = HostingActivities.Source.StartActivity(CareCoordinationTracing.DailyJobActivity);
        activity?.SetTag(CareCoordinationTracing.JobTag, job);
        try
        {
            return run();
        }
#pragma warning disable CA1031 // Any failure of one job must leave the other jobs and the next day running; it is logged in full.
        catch (Exception error)
#pragma warning restore CA1031
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            HostingLog.DailyJobFailed(_logger, job, day, error);
            failed.Add(job);
            return null;
        }
    }
}
