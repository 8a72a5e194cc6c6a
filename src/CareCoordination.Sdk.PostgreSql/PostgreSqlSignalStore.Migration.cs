using System.Collections.Generic;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Npgsql;

namespace CareCoordination.Sdk.PostgreSql;

/// <content>Reads back every event of the reference index, for a migration to a new store.</content>
public sealed partial class PostgreSqlSignalStore
{
    /// <inheritdoc/>
    public IReadOnlyList<StoredEvent> ReadSignalEvents() => Run(connection =>
    {
        using var command = new NpgsqlCommand($"SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload::text FROM {_schema}.events ORDER BY sequence", connection);
        using var reader = command.ExecuteReader();
        return StoredEventRows.ReadAll(reader);
    });
}
