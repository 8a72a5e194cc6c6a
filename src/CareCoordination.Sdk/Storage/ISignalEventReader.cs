using System.Collections.Generic;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A store that can read back every event of the reference index at once, in the order it wrote them — for a
/// migration that copies the whole store (<see cref="Migration.YouthKeyMigration"/>), where <see cref="ISignalStore.Load"/>
/// gives only the signals, families and remembered answers. The SQLite, PostgreSQL and in-memory stores implement it.
/// </summary>
/// <remarks>Separate from <see cref="ISignalStore"/> so that a store written against the earlier contract still compiles.</remarks>
public interface ISignalEventReader
{
    /// <summary>Reads every stored event of the reference index, including the removal events of erased signals.</summary>
    /// <returns>The events, in the order they were committed (their sequence).</returns>
    IReadOnlyList<StoredEvent> ReadSignalEvents();
}
