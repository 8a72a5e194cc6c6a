using System;

namespace CareCoordination.Sdk.Coordination;

/// <summary>The base of the exceptions coordination throws; its messages never carry a BSN or a name.</summary>
public abstract class CoordinationException : InvalidOperationException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    protected CoordinationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    protected CoordinationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
