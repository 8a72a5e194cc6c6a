using System;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Thrown when a store is opened while another store object — in this process or another — already writes to the same
/// SQLite file or PostgreSQL schema. One index writes to one store: two writers would both count signal identifiers
/// from the same point and overwrite each other's registrations. Dispose the other store first, or open another file
/// or schema.
/// </summary>
public sealed class StoreInUseException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public StoreInUseException()
        : base("Another store already writes to this store; one index writes to one store.")
    {
        Kind = string.Empty;
        Name = string.Empty;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public StoreInUseException(string message)
        : base(message)
    {
        Kind = string.Empty;
        Name = string.Empty;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StoreInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = string.Empty;
        Name = string.Empty;
    }

    /// <summary>Initializes a new instance for one store.</summary>
    /// <param name="kind">What the store is, for example "SQLite file" or "PostgreSQL schema".</param>
    /// <param name="name">Which one: the file's full path or the schema's name.</param>
    /// <param name="innerException">The cause, if any.</param>
    public StoreInUseException(string kind, string name, Exception? innerException)
        : base($"Another store already writes to the {kind} '{name}'; one index writes to one store. Dispose the other store first, or open another {kind}.", innerException)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>Gets what the store is, for example "SQLite file" or "PostgreSQL schema"; empty when not given.</summary>
    public string Kind { get; }

    /// <summary>Gets which store: the file's full path or the schema's name; empty when not given.</summary>
    public string Name { get; }
}
