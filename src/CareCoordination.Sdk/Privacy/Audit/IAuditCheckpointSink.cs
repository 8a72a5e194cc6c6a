namespace CareCoordination.Sdk.Privacy.Audit;

/// <summary>
/// Keeps the audit trail's signed checkpoints somewhere the store's writers cannot reach — a file on another volume, a
/// write-once log, a log shipped to another system — so that the trail can be checked against more than itself.
/// </summary>
/// <remarks>Implementations must be safe to call from any thread; the trail serialises its own calls and publishes after every record.</remarks>
public interface IAuditCheckpointSink
{
    /// <summary>Writes a checkpoint durably; when it throws, the record it anchors is stored but not yet anchored.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    void Publish(AuditCheckpoint checkpoint);

    /// <summary>Reads the newest checkpoint the sink holds, for the verification at open.</summary>
    /// <returns>The newest checkpoint, or <see langword="null"/> when the sink holds none.</returns>
    AuditCheckpoint? ReadLatest();
}
