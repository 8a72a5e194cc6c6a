namespace CareCoordination.Sdk.Identity;

/// <summary>A person's sex as the population register (BRP) records it (<em>geslachtsaanduiding</em>).</summary>
public enum Sex
{
    /// <summary>Male (<em>man</em>, BRP code M).</summary>
    Male = 1,

    /// <summary>Female (<em>vrouw</em>, BRP code V).</summary>
    Female,

    /// <summary>Unknown or not recorded (<em>onbekend</em>, BRP code O).</summary>
    Unknown,
}
