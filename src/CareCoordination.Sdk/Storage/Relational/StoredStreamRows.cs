using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using NodaTime;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>Groups stream events read as rows of (stream, type, schema version, instant ticks, JSON), ordered by stream and version, into histories.</summary>
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

    /// <summary>Reads every row the reader returns into one history per stream.</summary>
    /// <param name="kind">The kind of aggregate the rows belong to.</param>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <returns>The histories, in the reader's order.</returns>
    public static List<StoredHistory> ReadAll(string kind, DbDataReader reader)
    {
        Internal.Guard.NotNull(reader);
        var result = new List<StoredHistory>();
        string? current = null;
        List<StreamEvent> events = [];
        while (reader.Read())
        {
            var stream = reader.GetString(0);
            if (stream != current)
            {
                if (current is not null)
                {
                    result.Add(new StoredHistory(kind, current, events));
                }

                current = stream;
                events = [];
            }

            events.Add(new StreamEvent(
                reader.GetString(1),
                System.Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                Instant.FromUnixTimeTicks(reader.GetInt64(3)),
                reader.GetString(4)));
        }

        if (current is not null)
        {
            result.Add(new StoredHistory(kind, current, events));
        }

        return result;
    }
}
