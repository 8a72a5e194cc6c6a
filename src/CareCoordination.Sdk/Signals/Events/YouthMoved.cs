using System.Collections.Generic;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using NodaTime;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>
/// Domain event: a youth with active signals moved (<em>verhuizing</em>): the population register (BRP) gave the youth's
/// family at another address (domain rule 5). Every reporter with an active signal is told, and, when the youth moved to
/// another municipality, that municipality's match coordinator, with the active signals and their organisations.
/// </summary>
/// <param name="Youth">The youth who moved.</param>
/// <param name="Family">The family whose address changed.</param>
/// <param name="FromMunicipality">The municipality of the address before, when the feed gave it.</param>
/// <param name="ToMunicipality">The municipality of the new address, when the feed gave it.</param>
/// <param name="MovedAt">When the index learnt of the move.</param>
/// <param name="ActiveSignals">The youth's active signals at the move, newest first.</param>
public readonly record struct YouthMoved(
    [property: PersonData(PersonDataClassification.DirectIdentifier)] Bsn Youth,
    FamilyId Family,
    [property: PersonData(PersonDataClassification.QuasiIdentifier)] MunicipalityCode? FromMunicipality,
    [property: PersonData(PersonDataClassification.QuasiIdentifier)] MunicipalityCode? ToMunicipality,
    Instant MovedAt,
    IReadOnlyList<Signal> ActiveSignals)
{
    /// <summary>
    /// Gets a value indicating whether the youth moved to another municipality: the new address's municipality is known and
    /// is not the one of the address before (also when that one was not known, so that no municipality misses a youth).
    /// </summary>
    public bool ToAnotherMunicipality => ToMunicipality is { } to && FromMunicipality != to;
}
