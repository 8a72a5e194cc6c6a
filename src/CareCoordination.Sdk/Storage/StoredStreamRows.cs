using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>Groups stream events read as rows of (stream, type, schema version, instant ticks, JSON), ordered by stream and version, into histories.</summary>
internal static class StoredStreamRows
{
    /// <summary>Refuses an append when the stream's stored event count, as the store's <c>COUNT(*)</c> returned it, is not the version the writer saw.</summary>
    public static void RequireVersion(string kind, string stream, int expectedVersion, object? storedCount)
    {
        var actual = System.Convert.ToInt32(storedCount, CultureInfo.InvariantCulture);
        if (actual != expectedVersion)
        {
            throw new StreamVersionConflictException(kind, stream, expectedVersion, actual);
        }
    }

    public static List<StoredHistory> ReadAll(string kind, DbDataReader reader)
    {
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
