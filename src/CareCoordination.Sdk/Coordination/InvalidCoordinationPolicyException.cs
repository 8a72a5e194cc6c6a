using System;
using System.Collections.Generic;

namespace CareCoordination.Sdk.Coordination;

/// <summary>Thrown when coordination settings are invalid; lists every violation at once, so that one correction round suffices.</summary>
public sealed class InvalidCoordinationPolicyException : ArgumentException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public InvalidCoordinationPolicyException()
        : this("The coordination policy is invalid.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public InvalidCoordinationPolicyException(string message)
        : base(message) => Violations = [message];

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidCoordinationPolicyException(string message, Exception innerException)
        : base(message, innerException) => Violations = [message];

    internal InvalidCoordinationPolicyException(IReadOnlyList<string> violations)
        : base("The coordination policy is invalid: " + string.Join(" ", violations)) => Violations = violations;

    /// <summary>Gets every rule the settings violate, one sentence each.</summary>
    public IReadOnlyList<string> Violations { get; }
}
