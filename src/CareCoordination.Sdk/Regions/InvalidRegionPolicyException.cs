using System;
using System.Collections.Generic;

namespace CareCoordination.Sdk.Regions;

/// <summary>Thrown when a region's policy settings are invalid; lists every violation at once, so that one correction round suffices.</summary>
public sealed class InvalidRegionPolicyException : ArgumentException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public InvalidRegionPolicyException()
        : this("The region policy is invalid.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public InvalidRegionPolicyException(string message)
        : base(message) => Violations = [message];

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidRegionPolicyException(string message, Exception innerException)
        : base(message, innerException) => Violations = [message];

    internal InvalidRegionPolicyException(IReadOnlyList<string> violations)
        : base("The region policy is invalid: " + string.Join(" ", violations)) => Violations = violations;

    /// <summary>Gets every rule the settings violate, one sentence each.</summary>
    public IReadOnlyList<string> Violations { get; }
}
