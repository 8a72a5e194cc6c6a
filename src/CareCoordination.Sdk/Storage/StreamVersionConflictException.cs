using System;
using System.Globalization;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Thrown when an append to an aggregate's stream was made on an older version than the stored one: another writer
/// changed the aggregate since. Nothing was written; reload and try again.
/// </summary>
public sealed class StreamVersionConflictException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public StreamVersionConflictException()
        : base("The stream was changed by another writer; nothing was written.")
    {
        Kind = string.Empty;
        Stream = string.Empty;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public StreamVersionConflictException(string message)
        : base(message)
    {
        Kind = string.Empty;
        Stream = string.Empty;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StreamVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = string.Empty;
        Stream = string.Empty;
    }

    /// <summary>Initializes a new instance for one stream.</summary>
    /// <param name="kind">The kind of aggregate.</param>
    /// <param name="stream">The aggregate's identifier.</param>
    /// <param name="expected">The version the writer saw.</param>
    /// <param name="actual">The stored version.</param>
    public StreamVersionConflictException(string kind, string stream, int expected, int actual)
        : base(string.Create(CultureInfo.InvariantCulture, $"The {kind} {stream} is stored at version {actual}; the change was made on version {expected}. Nothing was written; reload it and try again."))
    {
        Kind = kind;
        Stream = stream;
        ExpectedVersion = expected;
        ActualVersion = actual;
    }

    /// <summary>Gets the kind of aggregate.</summary>
    public string Kind { get; }

    /// <summary>Gets the aggregate's identifier.</summary>
    public string Stream { get; }

    /// <summary>Gets the version the writer saw.</summary>
    public int ExpectedVersion { get; }

    /// <summary>Gets the stored version.</summary>
    public int ActualVersion { get; }
}
