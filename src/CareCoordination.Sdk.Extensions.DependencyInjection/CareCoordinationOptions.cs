using CareCoordination.Sdk.Regions;

namespace CareCoordination.Sdk;

/// <summary>The settings of CareCoordination.Sdk in a host: the region's policy for its reference index (<em>Verwijsindex</em>).</summary>
/// <remarks>Bound and validated once at start; an invalid policy stops the host with every violation listed.</remarks>
public sealed class CareCoordinationOptions
{
    /// <summary>Gets the region's policy settings.</summary>
    /// <value>The default is the legal defaults of <see cref="RegionPolicyOptions"/>.</value>
    public RegionPolicyOptions Policy { get; } = new();
}
