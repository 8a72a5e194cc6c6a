using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored state of a family the desk was told about: its current members only.</summary>
internal sealed record FamilyRecorded(FamilyId Id, IReadOnlyList<Bsn> Youths, IReadOnlyList<Bsn> Carers)
{
    public static FamilyRecorded Of(Family family) => new(family.Id, family.Youths, family.Carers);

    public Family ToFamily() => Family.Create(Id, Youths, Carers);
}
