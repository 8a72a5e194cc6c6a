using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>Reads stored events from the columns every relational store selects, in this order: signal, other signal, type, schema version, occurred ticks, JSON.</summary>
public static class StoredEventRows
{
    /// <summary>Reads every row the reader returns, refusing a damaged one.</summary>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <returns>The events, in the reader's order.</returns>
    /// <exception cref="CorruptStoredDataException">A row is damaged.</exception>
    /// <exception cref="Serialization.UnsupportedSchemaVersionException">A newer version of the SDK wrote an event.</exception>
    public static List<StoredEvent> ReadAll(DbDataReader reader)
    {
        Internal.Guard.NotNull(reader);
        var validator = new StoredRowValidator(CorruptRowHandling.Stop);
        var result = new List<StoredEvent>();
        while (reader.Read())
        {
            var signalRead = StoredColumns.TryInteger(reader, 0, out var signal);
            var rowKey = string.Create(CultureInfo.InvariantCulture, $"{(signalRead ? signal : 0)}#{result.Count + 1}");
            long? otherSignal = null;
            if (!reader.IsDBNull(1))
            {
                signalRead &= StoredColumns.TryInteger(reader, 1, out var other);
                otherSignal = other;
            }

            if (!signalRead || !StoredColumns.TryText(reader, 2, out var type) || !StoredColumns.TryInteger(reader, 3, out var version)
                || !StoredColumns.TryInteger(reader, 4, out var ticks) || !StoredColumns.TryText(reader, 5, out var json))
            {
                validator.Refuse(StoredRowValidator.EventsTable, rowKey, "a column holds another kind of value than the SDK writes there", null);
                continue;
            }

            if (validator.TryAcceptEvent(rowKey, signal, otherSignal, type, version, ticks, json, out var stored))
            {
                result.Add(stored!);
            }
        }

        return result;
    }
}
