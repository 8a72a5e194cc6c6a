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
public interface ISignalStore : IYouthKeyedStore
{
    /// <summary>Reads every stored signal and family into <paramref name="sink"/>, for the index to rebuild itself.</summary>
    /// <param name="sink">Where to put them.</param>
    void Load(IStoredIndexSink sink);

    /// <summary>Writes one change atomically and durably.</summary>
    /// <param name="commit">The change.</param>
    void Commit(SignalCommit commit);

    /// <summary>Writes a family, replacing the one with the same identifier.</summary>
    /// <param name="family">The family, its members by key.</param>
    void SaveFamily(StoredFamily family);

    /// <summary>Erases a family.</summary>
    /// <param name="family">The family's identifier.</param>
    void RemoveFamily(FamilyId family);
}
