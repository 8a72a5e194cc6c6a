using System;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Every log line of the hosting package, source-generated. They carry counts, days and setting names only: no BSN,
/// name, birth date or key, so that a log can be shipped anywhere.
/// </summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "The reference index was rebuilt from its store: {ActiveSignals} active and {ArchivedSignals} archived signals, in {ElapsedMilliseconds} ms; the host may report ready")]
    public static partial void IndexRebuilt(ILogger logger, int activeSignals, int archivedSignals, long elapsedMilliseconds);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Youths are keyed by pseudonym under the scheme {Scheme}; a standby of this store sets Keys:YouthPseudonymisationScheme to it")]
    public static partial void KeyedByPseudonym(ILogger logger, Privacy.PseudonymisationScheme scheme);

    [LoggerMessage(EventId = 2, Level = LogLevel.Critical, Message = "The reference index could not be rebuilt from its store; the host does not start")]
    public static partial void RebuildFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "The daily jobs run next at {Due} (for {Day:uuuu-MM-dd})")]
    public static partial void DailyJobsScheduled(ILogger logger, Instant due, LocalDate day);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Expiry for {Day:uuuu-MM-dd}: {Archived} signals archived, {RemovedAtAgeLimit} removed at the age limit, {DeletedFromArchive} deleted from the archive")]
    public static partial void ExpiryRan(ILogger logger, LocalDate day, int archived, int removedAtAgeLimit, int deletedFromArchive);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Escalation check for {Day:uuuu-MM-dd}: {Plans} plans moved on the escalation ladder")]
    public static partial void EscalationsAdvanced(ILogger logger, LocalDate day, int plans);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Audit retention for {Day:uuuu-MM-dd}: {Records} records before {Cutoff} purged")]
    public static partial void AuditPurged(ILogger logger, LocalDate day, int records, Instant cutoff);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Logbook retention for {Day:uuuu-MM-dd}: {Lines} lines past the region's retention erased")]
    public static partial void LogbookPurged(ILogger logger, LocalDate day, int lines);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Standby: waiting for the {Kind} store's writer lock, held by the active instance; this instance is not ready until it takes over")]
    public static partial void StandbyWaiting(ILogger logger, CareCoordinationStoreKind kind);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Standby: took over the {Kind} store after {ElapsedSeconds} s of waiting; rebuilding the index from it")]
    public static partial void StandbyTookOver(ILogger logger, CareCoordinationStoreKind kind, long elapsedSeconds);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "A damaged stored row was left out of the rebuild (Store:CorruptRows is Quarantine): table {Table}, row {RowKey}: {Problem}; repair it and restart")]
    public static partial void RowQuarantined(ILogger logger, string table, string rowKey, string problem);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "The daily job {Job} failed for {Day:uuuu-MM-dd}; the other jobs still run, and it runs again the next day")]
    public static partial void DailyJobFailed(ILogger logger, string job, LocalDate day, Exception error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Critical, Message = "The daily jobs stopped; the live health check reports it")]
    public static partial void DailyJobsStopped(ILogger logger, Exception error);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "The daily jobs are disabled on this instance (DailyJobs:Enabled is false)")]
    public static partial void DailyJobsDisabled(ILogger logger);
}
