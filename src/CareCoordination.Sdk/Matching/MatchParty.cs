using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Matching;

/// <summary>One party of a match as a notification shows it to the others: identity and work contact details only.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="OrganisationName">The organisation's name.</param>
/// <param name="ProfessionalName">The contact professional's name.</param>
/// <param name="Contact">How to reach the contact professional.</param>
public sealed record MatchParty(OrganisationId Organisation, string OrganisationName, string ProfessionalName, ContactDetails Contact);
