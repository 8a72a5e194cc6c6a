using System.Runtime.InteropServices;
using CareCoordination.Sdk.Families;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// One youth a youth matches through its families, by the index's key: one it shares a family or a parent with (a
/// sibling), or one of another family registered at the address of one of its own (an address mate), with the youth's
/// own family through which it was found (the household, the family that names the shared parent, or the family at the
/// shared address) and the kind of match. A youth's siblings are kept as one array of these, so that the walk every
/// family registration makes is one dictionary lookup and one sequential read, not three arrays behind an object.
/// </summary>
/// <param name="Key">The youth's key.</param>
/// <param name="Family">The family through which it was found first.</param>
/// <param name="Kind"><see cref="MatchKind.Family"/> for a sibling, <see cref="MatchKind.Address"/> for an address mate only.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct Sibling(int Key, FamilyId Family, MatchKind Kind);
