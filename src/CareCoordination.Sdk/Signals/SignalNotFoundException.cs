using System;

namespace CareCoordination.Sdk.Signals;

/// <summary>Thrown when an organisation withdraws or acts on a signal it does not have in the index.</summary>
public sealed class SignalNotFoundException : ReferenceIndexException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public SignalNotFoundException()
        : base("The organisation has no active signal on the youth.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message; the caller keeps it free of the full BSN.</param>
    public SignalNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message; the caller keeps it free of the full BSN.</param>
    /// <param name="innerException">The cause.</param>
    public SignalNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
