namespace CareCoordination.Sdk.Families;

/// <summary>
/// The youths a youth shares a family or a parent with, over all its families and their parents, each once, by the
/// index's key, with the youth's own family through which each is a sibling (the household, or the family that names
/// the shared parent): what a family match walks on every registration, kept as two flat arrays so that
/// the walk is one dictionary lookup and two array reads per sibling, without an enumerator.
/// </summary>
internal sealed class Siblings(int[] keys, FamilyId[] families)
{
    /// <summary>The siblings' keys.</summary>
    public readonly int[] Keys = keys;

    /// <summary>For each sibling, the family through which it was found first.</summary>
    public readonly FamilyId[] Families = families;
}
