using System;
using System.Data.Common;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>
/// Reads one column of a stored row only when it holds the kind of value the SDK writes there, so that a damaged row is
/// refused rather than converted: SQLite keeps any value in any column and its driver turns the text <c>'abc'</c> into
/// the integer 0 when asked for one.
/// </summary>
public static class StoredColumns
{
    /// <summary>Reads an integer column of any width.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="value">The integer, when the column holds one.</param>
    /// <returns>Whether the column holds an integer; <see langword="false"/> for null, text, a real number or bytes.</returns>
    public static bool TryInteger(DbDataReader reader, int ordinal, out long value)
    {
        ArgumentNullException.ThrowIfNull(reader);
        value = 0;
        if (reader.IsDBNull(ordinal))
        {
            return false;
        }

        var type = reader.GetFieldType(ordinal);
        if (type == typeof(long))
        {
            value = reader.GetInt64(ordinal);
        }
        else if (type == typeof(int))
        {
            value = reader.GetInt32(ordinal);
        }
        else if (type == typeof(short))
        {
            value = reader.GetInt16(ordinal);
        }
        else if (type == typeof(bool))
        {
            value = reader.GetBoolean(ordinal) ? 1 : 0;
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Reads a text column.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="value">The text, when the column holds text.</param>
    /// <returns>Whether the column holds text; <see langword="false"/> for null, a number or bytes.</returns>
    public static bool TryText(DbDataReader reader, int ordinal, out string value)
    {
        ArgumentNullException.ThrowIfNull(reader);
        value = string.Empty;
        if (reader.IsDBNull(ordinal) || reader.GetFieldType(ordinal) != typeof(string))
        {
            return false;
        }

        value = reader.GetString(ordinal);
        return true;
    }

    /// <summary>Reads the first columns of a row as integers, stopping at the first that does not hold one.</summary>
    /// <param name="reader">The reader, on a row.</param>
    /// <param name="values">Where to put the integers; its length is the number of columns, from the first.</param>
    /// <returns>The first column that does not hold an integer, or -1 when all do.</returns>
    public static int TryIntegers(DbDataReader reader, Span<long> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryInteger(reader, i, out values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
