namespace CareCoordination.Sdk.Hosting;

/// <summary>The store the host opens at start (the section <c>CareCoordination:Store</c>).</summary>
public sealed class CareCoordinationStoreOptions
{
    /// <summary>The schema name the PostgreSQL store uses unless configured otherwise.</summary>
    public const string DefaultSchema = "carecoordination";

    /// <summary>Gets or sets which store to open.</summary>
    /// <value>The default is <see cref="CareCoordinationStoreKind.None"/>, which start refuses unless the host registers a store itself.</value>
    public CareCoordinationStoreKind Kind { get; set; }

    /// <summary>Gets or sets the SQLite database file, for <see cref="CareCoordinationStoreKind.Sqlite"/>; its folder must exist.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Path { get; set; }

    /// <summary>Gets or sets the PostgreSQL connection string, for <see cref="CareCoordinationStoreKind.PostgreSql"/>; keep its password out of configuration files (an environment variable or a key vault provider).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the PostgreSQL schema: lower-case letters, digits and '_', at most 63 bytes.</summary>
    /// <value>The default is <see cref="DefaultSchema"/>.</value>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>
    /// Gets or sets the file the audit trail's signed checkpoints go to (<see cref="Privacy.Audit.FileAuditCheckpointSink"/>): outside
    /// the store, best on another volume, so that a store rolled back or emptied is found at start.
    /// </summary>
    /// <value>The default is <see langword="null"/>: beside a SQLite file (its path with <c>.checkpoints</c>); a PostgreSQL store needs it, unless the host registers an <see cref="Privacy.Audit.IAuditCheckpointSink"/> itself.</value>
    public string? CheckpointPath { get; set; }

    /// <summary>
    /// Gets or sets what the rebuild at start does with a damaged stored row: stop the start with
    /// <see cref="Storage.CorruptStoredDataException"/> naming the table, the row and the problem, or leave the row out,
    /// log it (a warning per row, event 13, naming no person), count it in the metric
    /// <c>carecoordination.store.rows_quarantined</c> and report the instance ready but degraded until an operator repairs
    /// the store and restarts it.
    /// </summary>
    /// <value>The default is <see cref="Storage.CorruptRowHandling.Stop"/>: a region decides on purpose to serve without a damaged row.</value>
    public Storage.CorruptRowHandling CorruptRows { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether this instance starts as a standby: it opens the store with the store's
    /// <c>OpenAsStandbyAsync</c>, waiting without the writer lock while another instance writes, and takes over when
    /// that instance stops or dies (even by kill -9). Until then it serves no index: its ready check reports the wait,
    /// its live check stays healthy, and the daily jobs wait too.
    /// </summary>
    /// <value>The default is <see langword="false"/>: a second instance on a store in use stops at start with <see cref="Storage.StoreInUseException"/>.</value>
    public bool Standby { get; set; }
}
