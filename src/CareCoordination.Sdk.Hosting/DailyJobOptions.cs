using System;

namespace CareCoordination.Sdk.Hosting;

/// <summary>When and on whose behalf the daily jobs run (the section <c>CareCoordination:DailyJobs</c>).</summary>
public sealed class DailyJobOptions
{
    // The binder stops at the first value it cannot convert: the time of day, the easiest to get wrong, is declared last
    // so that a bad one leaves the other settings bound instead of reporting them as missing.

    /// <summary>Gets or sets a value indicating whether the host runs the daily jobs; a host with several instances runs them on one.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the number of the service account (a <see cref="Organisations.ProfessionalId"/> the region reserves for it) on whose behalf the escalation check runs; required when the jobs are enabled.</summary>
    /// <value>The default is 0: not set.</value>
    public int ServiceAccount { get; set; }

    /// <summary>Gets or sets how many months the audit trail (NEN 7513) keeps its records, at least <see cref="Privacy.Access.AuditTrail.MinimumRetentionInMonths"/>; older records are purged each day.</summary>
    /// <value>The default is <see langword="null"/>: the audit trail keeps every record.</value>
    public int? AuditRetentionInMonths { get; set; }

    /// <summary>Gets or sets the time of day at which the jobs run, in the region's time zone (<see cref="Regions.RegionPolicyOptions.TimeZoneId"/>); a time skipped by the spring clock change runs an hour later, and a time that occurs twice in autumn runs at its first occurrence.</summary>
    /// <value>The default is 02:00.</value>
    public TimeOnly TimeOfDay { get; set; } = new(2, 0);
}
