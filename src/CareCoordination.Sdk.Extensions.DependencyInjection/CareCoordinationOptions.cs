using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Regions;

namespace CareCoordination.Sdk;

/// <summary>The settings of CareCoordination.Sdk in a host: the region's policy for its reference index (<em>Verwijsindex</em>) and the municipality's coordination policy.</summary>
/// <remarks>Bound and validated once at start; an invalid policy stops the host with every violation listed.</remarks>
public sealed class CareCoordinationOptions
{
    /// <summary>Gets the region's policy settings.</summary>
    /// <value>The default is the legal defaults of <see cref="RegionPolicyOptions"/>.</value>
    public RegionPolicyOptions Policy { get; } = new();

    /// <summary>Gets the coordination settings.</summary>
    /// <value>The default is the defaults of <see cref="CoordinationPolicyOptions"/>.</value>
    public CoordinationPolicyOptions Coordination { get; } = new();
}
