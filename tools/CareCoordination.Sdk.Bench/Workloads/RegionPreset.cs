namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>The sizes a municipality usually asks about.</summary>
internal enum RegionPreset
{
    /// <summary>A municipality of 50,000 youths.</summary>
    Municipality,

    /// <summary>A youth care region of 500,000 youths.</summary>
    Region,

    /// <summary>The Netherlands: 5,000,000 youths.</summary>
    Nation,
}
