using CareCoordination.Sdk.Families;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// The durable side of the reference index. The index writes every change here, under its lock and before the change
/// becomes visible; when a write throws, the index stays exactly as it was and the caller gets the exception. So every
/// registration the index acknowledged is on disk.
/// </summary>
/// <remarks>
/// One index writes to one store: implementations may refuse a second writer. Implementations: the in-memory store of
/// CareCoordination.Sdk.Testing, SQLite (CareCoordination.Sdk.Sqlite) and PostgreSQL (CareCoordination.Sdk.PostgreSql).
/// </remarks>
public interface ISignalStore
{
    /// <summary>Reads every stored signal and family into <paramref name="sink"/>, for the index to rebuild itself.</summary>
    /// <param name="sink">Where to put them.</param>
    void Load(IStoredIndexSink sink);

    /// <summary>Writes one change atomically and durably.</summary>
    /// <param name="commit">The change.</param>
    void Commit(SignalCommit commit);

    /// <summary>Writes a family, replacing the one with the same identifier.</summary>
    /// <param name="family">The family.</param>
    void SaveFamily(Family family);

    /// <summary>Erases a family.</summary>
    /// <param name="family">The family's identifier.</param>
    void RemoveFamily(FamilyId family);

    /// <summary>Reads how the store's youths are keyed, as the index recorded it: <c>bsn</c>, or the fingerprint of a pseudonymisation key.</summary>
    /// <returns>The keying, or <see langword="null"/> when none was recorded (a new store, or one written before the SDK recorded it).</returns>
    string? ReadYouthKeying();

    /// <summary>Records how the store's youths are keyed, so that an index with another key (or none) is refused instead of matching nothing.</summary>
    /// <param name="keying"><c>bsn</c>, or the fingerprint of a pseudonymisation key.</param>
    void WriteYouthKeying(string keying);
}
