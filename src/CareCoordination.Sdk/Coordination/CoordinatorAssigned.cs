using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>A coordinator from the pool took the case (<em>zorgcoördinator toegewezen</em>).</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Coordinator">The coordinator.</param>
/// <param name="Organisation">The coordinator's parent organisation.</param>
/// <param name="Fallback">Whether the coordinator came from another organisation because the preferred ones could not staff the case.</param>
/// <param name="Reason">Why this coordinator.</param>
public sealed record CoordinatorAssigned(CaseId Case, Instant At, CoordinatorId Coordinator, OrganisationId Organisation, bool Fallback, string Reason) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.AssignCoordinator;
}
