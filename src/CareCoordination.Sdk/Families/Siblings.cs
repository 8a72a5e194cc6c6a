namespace CareCoordination.Sdk.Families;

/// <summary>
/// The youths a youth shares a family with, over all its families, each once, by the index's key, with the family
/// through which each is a sibling: what a family match walks on every registration, kept as two flat arrays so that
/// the walk is one dictionary lookup and two array reads per sibling, without an enumerator.
/// </summary>
internal sealed class Siblings(int[] keys, FamilyId[] families)
{
    /// <summary>The siblings' keys.</summary>
    public readonly int[] Keys = keys;

    /// <summary>For each sibling, the family through which it was found first.</summary>
    public readonly FamilyId[] Families = families;
}
