using System;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Thrown when a store cannot be reached for the moment: the PostgreSQL server is down, restarting or dropped the
/// connection, or another program holds the SQLite file locked longer than the store waits. The failure is transient:
/// nothing of the operation was written (the store's transaction was rolled back, or never began), and the same
/// operation may be tried again, with its idempotency key, once the store is back. The store reconnects by itself; the
/// process need not restart.
/// </summary>
/// <remarks>
/// The message names the kind of store and which one (a file's path or a schema's name), never a connection string, so
/// it never carries a password.
/// </remarks>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public StoreUnavailableException()
        : base("The store cannot be reached for the moment; nothing was written. Try again once it is back.")
    {
        Kind = string.Empty;
        Name = string.Empty;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
        Kind = string.Empty;
        Name = string.Empty;
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = string.Empty;
        Name = string.Empty;
    }

    /// <summary>Initializes a new instance for one store.</summary>
    /// <param name="kind">What the store is, for example "SQLite file" or "PostgreSQL schema".</param>
    /// <param name="name">Which one: the file's full path or the schema's name; never a connection string.</param>
    /// <param name="reason">What went wrong, in a few words, for example "the server closed the connection".</param>
    /// <param name="innerException">The cause, if any.</param>
    public StoreUnavailableException(string kind, string name, string reason, Exception? innerException)
        : base($"The {kind} '{name}' cannot be reached for the moment ({reason}); nothing of this operation was written. Try it again, with the same idempotency key, once the store is back.", innerException)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>Gets what the store is, for example "SQLite file" or "PostgreSQL schema"; empty when not given.</summary>
    public string Kind { get; }

    /// <summary>Gets which store: the file's full path or the schema's name; empty when not given.</summary>
    public string Name { get; }
}
