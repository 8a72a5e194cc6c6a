using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>
/// Groups stream events read as rows of (stream, type, schema version, instant ticks, JSON), and optionally the event's
/// version as a sixth column, ordered by stream and version, into histories.
/// </summary>
public static class StoredStreamRows
{
    /// <summary>Refuses an append when the stream's stored event count, as the store's <c>COUNT(*)</c> returned it, is not the version the writer saw.</summary>
    /// <param name="kind">The kind of aggregate.</param>
    /// <param name="stream">The aggregate's identifier.</param>
    /// <param name="expectedVersion">The version the writer saw.</param>
    /// <param name="storedCount">What the store's count returned, as any integer type.</param>
    /// <exception cref="StreamVersionConflictException">The counts differ.</exception>
    public static void RequireVersion(string kind, string stream, int expectedVersion, object? storedCount)
    {
        var actual = System.Convert.ToInt32(storedCount, CultureInfo.InvariantCulture);
        if (actual != expectedVersion)
        {
            throw new StreamVersionConflictException(kind, stream, expectedVersion, actual);
        }
    }

    /// <summary>Reads every row the reader returns into one history per stream, refusing a damaged row.</summary>
    /// <param name="kind">The kind of aggregate the rows belong to.</param>
    /// <param name="reader">
    /// The reader, positioned before the first row. When it returns a sixth column, the event's stored version, each
    /// version must be the event's place in its stream: a gap, a repeat or a number out of order is refused, because the
    /// next append counts the events and would write a version that is already there or skip one.
    /// </param>
    /// <returns>The histories, in the reader's order.</returns>
    /// <exception cref="CorruptStoredDataException">A row is damaged.</exception>
    /// <exception cref="Serialization.UnsupportedSchemaVersionException">A newer version of the SDK wrote an event.</exception>
    public static List<StoredHistory> ReadAll(string kind, DbDataReader reader)
    {
        Internal.Guard.NotNull(kind);
        Internal.Guard.NotNull(reader);
        var validator = new StoredRowValidator(CorruptRowHandling.Stop);
        var result = new List<StoredHistory>();
        string? current = null;
        List<StreamEvent> events = [];
        while (reader.Read())
        {
            if (!StoredColumns.TryText(reader, 0, out var stream))
            {
                validator.Refuse(StoredRowValidator.StreamEventsTable, kind + "/?", "its stream identifier is not text", null);
                continue;
            }

            if (stream != current)
            {
                if (current is not null)
                {
                    result.Add(new StoredHistory(kind, current, events));
                }

                current = stream;
                events = [];
            }

            var position = events.Count + 1;
            if (!StoredColumns.TryText(reader, 1, out var type) || !StoredColumns.TryInteger(reader, 2, out var version)
                || !StoredColumns.TryInteger(reader, 3, out var ticks) || !StoredColumns.TryText(reader, 4, out var json))
            {
                validator.Refuse(
                    StoredRowValidator.StreamEventsTable,
                    string.Create(CultureInfo.InvariantCulture, $"{kind}/{StoredRowValidator.ShownKey(stream)}/{position}"),
                    "a column holds another kind of value than the SDK writes there",
                    null);
                continue;
            }

            if (reader.FieldCount > 5 && (!StoredColumns.TryInteger(reader, 5, out var stored) || stored != position))
            {
                validator.Refuse(
                    StoredRowValidator.StreamEventsTable,
                    string.Create(CultureInfo.InvariantCulture, $"{kind}/{StoredRowValidator.ShownKey(stream)}/{position}"),
                    string.Create(CultureInfo.InvariantCulture, $"its version is not {position}, its place in the stream"),
                    null);
                continue;
            }

            validator.TryAcceptStreamEvent(kind, stream, position, type, version, ticks, json, out var read);
            events.Add(read!);
        }

        if (current is not null)
        {
            result.Add(new StoredHistory(kind, current, events));
        }

        return result;
    }
}
