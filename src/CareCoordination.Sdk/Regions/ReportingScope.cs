namespace CareCoordination.Sdk.Regions;

/// <summary>How broadly a region lets organisations signal in its reference index (<em>brede of smalle aansluiting</em>).</summary>
public enum ReportingScope
{
    /// <summary>Only care institutions signal, such as JGZ, AMW and youth protection (<em>smalle aansluiting</em>).</summary>
    Narrow = 1,

    /// <summary>Every legally designated category signals, schools, daycare and youth work included (<em>brede aansluiting</em>).</summary>
    Broad,
}
