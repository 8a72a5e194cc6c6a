using System;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Thrown to an operation that was rolled back because the store refused the group commit it shared with other
/// operations: concurrent operations share one transaction, so when it fails, every operation in it and every one queued
/// after it (which may build on it) is undone in memory and told. Nothing of the operation is stored or visible; it may be
/// retried. <see cref="Exception.InnerException"/> is the store's exception. The first operation of the failed group gets
/// the store's exception itself.
/// </summary>
public sealed class CommitRolledBackException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public CommitRolledBackException()
        : base("The operation was rolled back because the store refused the group commit it was part of; nothing of it was stored.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public CommitRolledBackException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The store's exception.</param>
    public CommitRolledBackException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a group the store refused.</summary>
    /// <param name="innerException">The store's exception.</param>
    public CommitRolledBackException(Exception innerException)
        : base("The operation was rolled back because the store refused the group commit it was part of; nothing of it was stored. It may be retried.", innerException)
    {
    }
}
