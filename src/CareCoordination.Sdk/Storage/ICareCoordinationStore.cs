namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A store that keeps everything an SDK instance keeps — the reference index's signals and families, the aggregates'
/// streams and the audit trail — and commits each operation's <see cref="ChangeSet"/> in one transaction. With such a
/// store, a registration and everything it sets off (the information obligation, the case its match opens or joins)
/// is durable together or not at all. The SQLite and PostgreSQL stores and the Testing package's in-memory store are
/// ones; <c>AddCareCoordination</c> gives it to every area.
/// </summary>
/// <remarks>Implementations must be safe to call from any thread.</remarks>
public interface ICareCoordinationStore : ISignalStore, IEventStreamStore, IAuditSink
{
    /// <summary>Writes a change set atomically and durably: when it throws, nothing of it was written.</summary>
    /// <param name="changes">The change set.</param>
    /// <exception cref="StreamVersionConflictException">A stream change found its stream at another version; nothing was written.</exception>
    void Commit(ChangeSet changes);
}
