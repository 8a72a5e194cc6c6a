using System;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Thrown when a store holds a row the SDK would never have written — an undefined enum value, a number out of range,
/// a reference to a signal that is not there, a second active signal of one organisation for one youth, unreadable
/// JSON — so that the index does not start on damaged data. The message names the table, the row's key and what is
/// wrong, never a person's number. Restore the store from a backup, repair the row, or open the store with
/// <see cref="CorruptRowHandling.Quarantine"/> to skip it and read the report.
/// </summary>
public sealed class CorruptStoredDataException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public CorruptStoredDataException()
        : this("The store holds a row the SDK did not write; the store is damaged.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public CorruptStoredDataException(string message)
        : base(message)
    {
        Table = string.Empty;
        RowKey = string.Empty;
        Problem = string.Empty;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CorruptStoredDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = string.Empty;
        RowKey = string.Empty;
        Problem = string.Empty;
    }

    /// <summary>Initializes a new instance for one damaged row.</summary>
    /// <param name="row">The table, the row's key and what is wrong.</param>
    /// <param name="innerException">What the store's driver or the JSON reader threw, if anything.</param>
    public CorruptStoredDataException(QuarantinedRow row, Exception? innerException)
        : base(MessageOf(row), innerException)
    {
        Table = row?.Table ?? string.Empty;
        RowKey = row?.RowKey ?? string.Empty;
        Problem = row?.Problem ?? string.Empty;
    }

    /// <summary>Gets the table that holds the damaged row, such as <c>signals</c>; empty when not given.</summary>
    public string Table { get; }

    /// <summary>Gets the damaged row's key, such as a signal's identifier; never a person's number; empty when not given.</summary>
    public string RowKey { get; }

    /// <summary>Gets what is wrong with the row; empty when not given.</summary>
    public string Problem { get; }

    private static string MessageOf(QuarantinedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"The stored {row.Table} row {row.RowKey} is damaged: {row.Problem}. Restore the store from a backup, repair the row, or open the store with quarantine to skip it.";
    }
}
