namespace CareCoordination.Sdk.Hosting;

/// <summary>Which store keeps the reference index and the other areas across restarts (<c>CareCoordination:Store:Kind</c>).</summary>
public enum CareCoordinationStoreKind
{
    /// <summary>Not set: valid only when the host registers an <see cref="Storage.ISignalStore"/> itself.</summary>
    None = 0,

    /// <summary>No store: everything is kept in memory and lost at the next start. For tests and demonstrations.</summary>
    Memory = 1,

    /// <summary>The embedded default store: one SQLite file (<c>CareCoordination:Store:Path</c>).</summary>
    Sqlite = 2,

    /// <summary>The store for a region or the nation: PostgreSQL (<c>CareCoordination:Store:ConnectionString</c> and <c>Schema</c>).</summary>
    PostgreSql = 3,
}
