namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Keeps the audit trail (<em>NEN 7513-logging</em>) durable: every record is written before the access it describes
/// is answered, and the trail rebuilds itself from the sink at start-up. The SQLite and PostgreSQL stores implement it
/// next to <see cref="ISignalStore"/>.
/// </summary>
/// <remarks>Implementations must be safe to call from any thread; the trail serialises its own calls.</remarks>
public interface IAuditSink
{
    /// <summary>Reads the kept records and where their chain starts.</summary>
    /// <returns>The stored trail.</returns>
    StoredAuditTrail LoadAuditTrail();

    /// <summary>Writes one record durably; when it throws, the record is not part of the trail.</summary>
    /// <param name="record">The record.</param>
    void AppendAudit(Privacy.AuditRecord record);

    /// <summary>Deletes the records up to a sequence number, past their retention, and records where the chain now starts.</summary>
    /// <param name="throughSequence">The last sequence number to delete.</param>
    /// <param name="genesis">The hash of that record: the kept records chain to it.</param>
    void PurgeAudit(long throughSequence, string genesis);
}
