using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Client;

/// <summary>A coordination case as its coordinator or case holder sees it: where it stands, never a BSN.</summary>
/// <param name="Id">The case.</param>
/// <param name="Version">The case's version, for the next change's <c>expectedVersion</c>.</param>
/// <param name="Status">Where the case stands.</param>
/// <param name="Tier">The coordination tier (<em>zorgcoördinatie-niveau</em>).</param>
/// <param name="TierReasons">Why that tier.</param>
/// <param name="Meeting">The meeting that handles the case (<em>overleg</em>).</param>
/// <param name="Routes">Every intake route that reached the case.</param>
/// <param name="InvolvedOrganisations">The organisations involved.</param>
/// <param name="CaseHolder">The case holder (<em>casushouder</em>), if named.</param>
/// <param name="CaseHolderOrganisation">The case holder's organisation.</param>
/// <param name="Coordinator">The coordinator from the pool, if assigned.</param>
/// <param name="CoordinatorOrganisation">The coordinator's parent organisation.</param>
/// <param name="WaitingReason">Why the case waits, if it does.</param>
/// <param name="HandedOverTo">The youth-protection organisation that took coordination over, if any.</param>
public sealed record CaseSummary(
    CaseId Id,
    int Version,
    CaseStatus Status,
    CoordinationTier Tier,
    IReadOnlyList<string> TierReasons,
    string Meeting,
    IReadOnlyList<IntakeRoute> Routes,
    IReadOnlyList<OrganisationId> InvolvedOrganisations,
    ProfessionalId? CaseHolder,
    OrganisationId? CaseHolderOrganisation,
    CoordinatorId? Coordinator,
    OrganisationId? CoordinatorOrganisation,
    string? WaitingReason,
    OrganisationId? HandedOverTo);
