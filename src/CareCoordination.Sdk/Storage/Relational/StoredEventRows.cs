using System.Collections.Generic;
using System.Data.Common;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>Reads stored events from the columns every relational store selects, in this order: signal, other signal, type, schema version, occurred ticks, JSON.</summary>
public static class StoredEventRows
{
    /// <summary>Reads every row the reader returns.</summary>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <returns>The events, in the reader's order.</returns>
    public static List<StoredEvent> ReadAll(DbDataReader reader)
    {
        Internal.Guard.NotNull(reader);
        var result = new List<StoredEvent>();
        while (reader.Read())
        {
            result.Add(new StoredEvent(
                new SignalId(reader.GetInt64(0)),
                reader.IsDBNull(1) ? null : new SignalId(reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetInt32(3),
                Instant.FromUnixTimeTicks(reader.GetInt64(4)),
                reader.GetString(5)));
        }

        return result;
    }
}
