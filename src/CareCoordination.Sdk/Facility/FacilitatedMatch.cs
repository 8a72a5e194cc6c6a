using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Facility;

/// <summary>A match as a reporter without BSN rights hears of it: who else is involved and who coordinates; no youth's number.</summary>
/// <param name="Kind">What the signals share.</param>
/// <param name="OtherOrganisation">The other organisation.</param>
/// <param name="OtherReporter">The other organisation's contact professional.</param>
/// <param name="MatchCoordinator">The match coordinator (<em>matchregisseur</em>).</param>
/// <param name="ConcernsAnotherYouth">Whether the other signal is about another youth (a family or address match); which youth is never said.</param>
public sealed record FacilitatedMatch(MatchKind Kind, OrganisationId OtherOrganisation, ProfessionalId OtherReporter, OrganisationId MatchCoordinator, bool ConcernsAnotherYouth);
