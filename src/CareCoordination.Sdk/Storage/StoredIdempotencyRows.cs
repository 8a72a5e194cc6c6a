using System.Data.Common;
using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>Reads idempotency keys from the columns every relational store selects, in the order of <see cref="Columns"/>, into the index's sink.</summary>
internal static class StoredIdempotencyRows
{
    public const string Columns = "key, at_ticks, schema_version, answer";

    public static void AddAll(DbDataReader reader, IStoredIndexSink sink)
    {
        while (reader.Read())
        {
            sink.Add(new StoredIdempotencyKey(reader.GetString(0), Instant.FromUnixTimeTicks(reader.GetInt64(1)), [], reader.GetInt32(2), reader.GetString(3)));
        }
    }
}
