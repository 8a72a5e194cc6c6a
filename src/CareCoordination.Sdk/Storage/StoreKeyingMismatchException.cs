using System;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Thrown when an index opens a store whose youths are keyed differently: by BSN while the index is pseudonymised, by
/// pseudonym while it is not, or with another pseudonymisation key. Opening it anyway would match nothing and show
/// pseudonyms as BSNs; open it with the key it was written with, or rebuild the store.
/// </summary>
public sealed class StoreKeyingMismatchException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public StoreKeyingMismatchException()
        : this("The store's youths are keyed differently from this index.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public StoreKeyingMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StoreKeyingMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
