namespace CareCoordination.Sdk.Benchmarks;

/// <summary>Which store a durable benchmark writes to or rebuilds from.</summary>
internal enum StoreKind
{
    /// <summary>The in-memory store of CareCoordination.Sdk.Testing: the cost of the index and the commit objects alone.</summary>
    InMemory,

    /// <summary>A SQLite file (WAL, full sync).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server on loopback, named by CARECOORDINATION_BENCH_POSTGRES.</summary>
    PostgreSql,
}
