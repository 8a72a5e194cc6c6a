using System.Collections.Generic;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Hosting;

/// <summary>What one run of the daily jobs did (<see cref="CareCoordinationDailyJobs.Run"/>).</summary>
public sealed class DailyJobReport
{
    internal DailyJobReport(LocalDate day, ExpiryReport? expiry, int? plansEscalated, int? auditRecordsPurged, int? logbookLinesPurged, IReadOnlyList<string> failedJobs)
    {
        Day = day;
        Expiry = expiry;
        PlansEscalated = plansEscalated;
        AuditRecordsPurged = auditRecordsPurged;
        LogbookLinesPurged = logbookLinesPurged;
        FailedJobs = failedJobs;
    }

    /// <summary>Gets the day the jobs ran for, in the region's time zone.</summary>
    public LocalDate Day { get; }

    /// <summary>Gets what the expiry did, or <see langword="null"/> when it failed.</summary>
    public ExpiryReport? Expiry { get; }

    /// <summary>Gets how many plans moved on the escalation ladder, or <see langword="null"/> when the check failed.</summary>
    public int? PlansEscalated { get; }

    /// <summary>Gets how many audit records were purged past their retention, or <see langword="null"/> when no retention is set or the purge failed.</summary>
    public int? AuditRecordsPurged { get; }

    /// <summary>Gets how many logbook lines were erased past the region's logbook retention, or <see langword="null"/> when the purge failed.</summary>
    public int? LogbookLinesPurged { get; }

    /// <summary>Gets the names of the jobs that failed (<see cref="CareCoordinationDailyJobs.ExpiryJob"/>, ...); each failure is logged with its exception.</summary>
    public IReadOnlyList<string> FailedJobs { get; }

    /// <summary>Gets a value indicating whether every job succeeded.</summary>
    public bool Succeeded => FailedJobs.Count == 0;
}
