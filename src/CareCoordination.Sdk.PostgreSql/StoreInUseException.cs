using System;

namespace CareCoordination.Sdk.PostgreSql;

/// <summary>Thrown when a second reference index tries to write to a store that another index already writes to.</summary>
public sealed class StoreInUseException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public StoreInUseException()
        : base("Another reference index already writes to this store.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public StoreInUseException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StoreInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
