using System.Collections.Generic;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;

namespace CareCoordination.Sdk.Sqlite;

/// <content>Reads back every event of the reference index, for a migration to a new store.</content>
public sealed partial class SqliteSignalStore
{
    /// <inheritdoc/>
    public IReadOnlyList<StoredEvent> ReadSignalEvents()
    {
        return Run(() =>
        {
            using var command = Command("SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload FROM events ORDER BY sequence");
            using var reader = command.ExecuteReader();
            return StoredEventRows.ReadAll(reader);
        });
    }
}
