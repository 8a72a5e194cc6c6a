using CareCoordination.Sdk.Families;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// A family (<em>gezin</em>) as the family table keeps it: its members by the index's key in one run of the table's
/// member pool, youths first and then carers, with its address and municipality. No object per family: a family change
/// from the population register rewrites the run in place or takes another, so that it allocates nothing, keyed by BSN
/// or by pseudonym alike.
/// </summary>
/// <param name="Id">The family's identifier.</param>
/// <param name="MemberStart">Where its run of members starts in the pool.</param>
/// <param name="Youths">How many youths the run holds first.</param>
/// <param name="Carers">How many parents or carers follow them.</param>
/// <param name="Address">The household's address, keyed as the index keeps it, or <see langword="null"/>.</param>
/// <param name="Municipality">The municipality of that address, or <see langword="null"/>.</param>
internal readonly record struct KeptFamily(FamilyId Id, int MemberStart, int Youths, int Carers, AddressKey? Address, MunicipalityCode? Municipality)
{
    /// <summary>How many members the run holds.</summary>
    public int Members => Youths + Carers;
}
