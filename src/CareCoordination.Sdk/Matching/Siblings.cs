using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Matching;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// The youths a youth matches through its families, each once, by the index's key: those it shares a family or a parent
/// with (siblings), then those of other families registered at the address of one of its own (address mates), with the
/// youth's own family through which each was found (the household, the family that names the shared parent, or the
/// family at the shared address) and the kind of match: what a family or address match walks on every registration,
/// kept as flat arrays so that the walk is one dictionary lookup and a few array reads per youth, without an enumerator.
/// </summary>
internal sealed class Siblings(int[] keys, FamilyId[] families, MatchKind[] kinds)
{
    /// <summary>The youths' keys.</summary>
    public readonly int[] Keys = keys;

    /// <summary>For each youth, the family through which it was found first.</summary>
    public readonly FamilyId[] Families = families;

    /// <summary>For each youth, <see cref="MatchKind.Family"/> for a sibling, <see cref="MatchKind.Address"/> for an address mate only.</summary>
    public readonly MatchKind[] Kinds = kinds;
}
