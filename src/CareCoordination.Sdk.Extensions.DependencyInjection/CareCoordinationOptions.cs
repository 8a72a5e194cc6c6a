using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Regions;

namespace CareCoordination.Sdk;

/// <summary>The settings of CareCoordination.Sdk in a host: the region's policy for its reference index (<em>Verwijsindex</em>) and the municipality's coordination policy.</summary>
/// <remarks>
/// Bound and validated once at start; an invalid policy stops the host with every violation listed. Bound from
/// configuration (<c>AddCareCoordination(configuration.GetSection("CareCoordination"))</c>), a list or map that the
/// configuration names — <c>Policy:MatchCoordinatorPriority</c>, <c>Policy:AdditionalReportingKinds</c>,
/// <c>Policy:Delegations</c> — replaces its default instead of adding to it, and a key that is no setting is reported.
/// </remarks>
public sealed class CareCoordinationOptions
{
    /// <summary>Gets the region's policy settings.</summary>
    /// <value>The default is the legal defaults of <see cref="RegionPolicyOptions"/>.</value>
    public RegionPolicyOptions Policy { get; } = new();

    /// <summary>Gets the coordination settings.</summary>
    /// <value>The default is the defaults of <see cref="CoordinationPolicyOptions"/>.</value>
    public CoordinationPolicyOptions Coordination { get; } = new();

    // What binding from configuration could not take (unknown keys, values of the wrong type), reported by the
    // validator together with the policy's own violations so that the host stops once, with every problem listed.
    internal List<string> ConfigurationProblems { get; } = [];
}
