using System.Data.Common;
using NodaTime;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>Reads idempotency keys from the columns every relational store selects, in the order of <see cref="Columns"/>, into the index's sink.</summary>
public static class StoredIdempotencyRows
{
    /// <summary>The columns to select, in this order.</summary>
    public const string Columns = "key, at_ticks, schema_version, answer";

    /// <summary>Reads every row the reader returns into the index's sink.</summary>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <param name="sink">The index rebuilding itself.</param>
    public static void AddAll(DbDataReader reader, IStoredIndexSink sink)
    {
        Internal.Guard.NotNull(reader);
        Internal.Guard.NotNull(sink);
        while (reader.Read())
        {
            sink.Add(new StoredIdempotencyKey(reader.GetString(0), Instant.FromUnixTimeTicks(reader.GetInt64(1)), [], reader.GetInt32(2), reader.GetString(3)));
        }
    }
}
