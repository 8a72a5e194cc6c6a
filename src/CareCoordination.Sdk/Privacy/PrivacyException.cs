using System;

namespace CareCoordination.Sdk.Privacy;

/// <summary>The base of the exceptions the privacy rules throw; their messages never carry a BSN or a name.</summary>
public abstract class PrivacyException : InvalidOperationException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    protected PrivacyException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    protected PrivacyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
