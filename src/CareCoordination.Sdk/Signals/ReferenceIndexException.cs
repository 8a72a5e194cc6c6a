using System;

namespace CareCoordination.Sdk.Signals;

/// <summary>The base of the reference index's exceptions. Messages are safe to show: they carry no full BSN and no name of a youth.</summary>
public abstract class ReferenceIndexException : InvalidOperationException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    protected ReferenceIndexException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    protected ReferenceIndexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
