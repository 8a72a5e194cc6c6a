using System;
using CareCoordination.Sdk.Index;

namespace CareCoordination.Sdk.Signals;

/// <summary>Thrown by <see cref="RegistrationResult.ThrowIfRefused"/> when the index refused a registration.</summary>
public sealed class SignalRefusedException : ReferenceIndexException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public SignalRefusedException()
        : this(SignalMessages.SignalRefused)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public SignalRefusedException(string message)
        : base(message) => Refusal = RegistrationRefusal.InvalidRegistration;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SignalRefusedException(string message, Exception innerException)
        : base(message, innerException) => Refusal = RegistrationRefusal.InvalidRegistration;

    internal SignalRefusedException(RegistrationRefusal refusal, string message)
        : base(message) => Refusal = refusal;

    /// <summary>Gets why the registration was refused.</summary>
    public RegistrationRefusal Refusal { get; }
}
