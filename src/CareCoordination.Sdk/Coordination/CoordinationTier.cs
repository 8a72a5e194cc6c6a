namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// How much coordination a case needs (<em>zorgcoördinatie-niveau</em>). The seed survey reports roughly 95% of
/// cases need none, 4% general and 1% specialist coordination.
/// </summary>
/// <remarks>The values are ordered: a higher value is more coordination.</remarks>
public enum CoordinationTier
{
    /// <summary>No separate coordinator (<em>geen zorgcoördinatie</em>): the professional already involved, the case holder (<em>casushouder</em>), aligns the help.</summary>
    None = 1,

    /// <summary>General coordination (<em>algemene zorgcoördinatie</em>) by a trained coordinator from the pool.</summary>
    General,

    /// <summary>Specialist coordination (<em>specialistische zorgcoördinatie</em>) by a coordinator with specialist training, for severe or multi-domain problems.</summary>
    Specialist,
}
