namespace CareCoordination.Sdk.Organisations;

/// <summary>
/// What the index reads about an organisation (<em>deelnemer</em>) on every registration and for every match: its kind,
/// which decides whether it may signal and how it ranks as match coordinator, and whether it has written agreements
/// with the municipality.
/// </summary>
/// <param name="Kind">The organisation's kind.</param>
/// <param name="HasMunicipalAgreement">Whether it has written agreements with the municipality.</param>
internal readonly record struct OrganisationFacts(OrganisationKind Kind, bool HasMunicipalAgreement);
