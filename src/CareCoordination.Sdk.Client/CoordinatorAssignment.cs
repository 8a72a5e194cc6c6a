using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Client;

/// <summary>Who took a case and why, or — when nobody could — why not, while the case keeps waiting.</summary>
/// <param name="Case">The case.</param>
/// <param name="IsAssigned">Whether a coordinator took the case.</param>
/// <param name="Coordinator">The coordinator, if any.</param>
/// <param name="Organisation">The coordinator's parent organisation, if any.</param>
/// <param name="IsFallback">Whether the coordinator came from another organisation because the preferred ones could not staff the case.</param>
/// <param name="Reason">Why this coordinator, or why nobody.</param>
public sealed record CoordinatorAssignment(CaseId Case, bool IsAssigned, CoordinatorId? Coordinator, OrganisationId? Organisation, bool IsFallback, string Reason);
