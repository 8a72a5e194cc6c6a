using System;
using System.Globalization;

namespace CareCoordination.Sdk.Serialization;

/// <summary>Thrown when a store holds a record written by a newer version of the SDK than the one reading it.</summary>
public sealed class UnsupportedSchemaVersionException : FormatException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public UnsupportedSchemaVersionException()
        : base("The record was written by a newer version of CareCoordination.Sdk.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public UnsupportedSchemaVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnsupportedSchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a record of a newer schema; stores implementing <see cref="Storage.ISignalStore"/> use it too.</summary>
    /// <param name="recordType">What was read, such as <c>SQLite store</c> or an event type.</param>
    /// <param name="found">The schema version found.</param>
    /// <param name="supported">The highest schema version this SDK reads.</param>
    public UnsupportedSchemaVersionException(string recordType, int found, int supported)
        : base(string.Create(CultureInfo.InvariantCulture, $"The stored {recordType} has schema version {found}; this version of CareCoordination.Sdk reads up to {supported}. Upgrade the SDK."))
    {
        SchemaVersion = found;
    }

    /// <summary>Gets the schema version found in the store.</summary>
    public int SchemaVersion { get; }
}
