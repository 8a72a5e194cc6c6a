using System;

namespace CareCoordination.Sdk.Privacy;

/// <summary>Who gives consent, or must be informed, for a youth (WGBO: by age).</summary>
[Flags]
public enum ConsentGiver
{
    /// <summary>Nobody.</summary>
    None = 0,

    /// <summary>The holders of parental authority (<em>gezaghebbende ouders</em>, the legal representative).</summary>
    Parents = 1,

    /// <summary>The youth.</summary>
    Youth = 2,
}
