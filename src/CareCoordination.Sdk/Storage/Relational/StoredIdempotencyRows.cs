using System.Data.Common;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>Reads idempotency keys from the columns every relational store selects, in the order of <see cref="Columns"/>, into the index's sink.</summary>
public static class StoredIdempotencyRows
{
    /// <summary>The columns to select, in this order.</summary>
    public const string Columns = "key, at_ticks, schema_version, answer";

    /// <summary>Reads every row the reader returns into the index's sink, stopping at the first damaged row.</summary>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <param name="sink">The index rebuilding itself.</param>
    /// <exception cref="CorruptStoredDataException">A row is damaged.</exception>
    /// <exception cref="Serialization.UnsupportedSchemaVersionException">A newer version of the SDK wrote an answer.</exception>
    public static void AddAll(DbDataReader reader, IStoredIndexSink sink) => AddAll(reader, sink, new StoredRowValidator(CorruptRowHandling.Stop));

    /// <summary>Reads every row the reader returns into the index's sink, each checked by <paramref name="validator"/>.</summary>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <param name="sink">The index rebuilding itself.</param>
    /// <param name="validator">The load's checks, which have seen the signals.</param>
    /// <exception cref="CorruptStoredDataException">A row is damaged and the validator stops at damage.</exception>
    /// <exception cref="Serialization.UnsupportedSchemaVersionException">A newer version of the SDK wrote an answer.</exception>
    public static void AddAll(DbDataReader reader, IStoredIndexSink sink, StoredRowValidator validator)
    {
        Internal.Guard.NotNull(reader);
        Internal.Guard.NotNull(sink);
        Internal.Guard.NotNull(validator);
        var row = 0;
        while (reader.Read())
        {
            row++;
            if (!StoredColumns.TryText(reader, 0, out var key))
            {
                validator.Refuse(StoredRowValidator.IdempotencyKeysTable, RowNumber(row), "its key is not text", null);
                continue;
            }

            var rowKey = StoredRowValidator.ShownKey(key);
            if (!StoredColumns.TryInteger(reader, 1, out var at) || !StoredColumns.TryInteger(reader, 2, out var version))
            {
                validator.Refuse(StoredRowValidator.IdempotencyKeysTable, rowKey, "its time or schema version is not an integer", null);
                continue;
            }

            if (!StoredColumns.TryText(reader, 3, out var answer))
            {
                validator.Refuse(StoredRowValidator.IdempotencyKeysTable, rowKey, "its answer is not text", null);
                continue;
            }

            if (validator.TryAcceptIdempotencyKey(key, at, version, answer, out var stored))
            {
                sink.Add(stored!);
            }
        }
    }

    private static string RowNumber(int row) => "row " + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
