namespace CareCoordination.Sdk.Bench.Running;

/// <summary>The kinds of target a run can use.</summary>
internal enum TargetKind
{
    /// <summary>The index in memory only.</summary>
    Memory,

    /// <summary>The index backed by a SQLite file.</summary>
    Sqlite,

    /// <summary>The index backed by a PostgreSQL schema.</summary>
    Postgres,
}
