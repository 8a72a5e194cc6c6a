using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>The coordinator let go of the case: reassignment, leaving the pool, or no longer qualified for its tier.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Coordinator">The coordinator.</param>
/// <param name="Reason">Why.</param>
public sealed record CoordinatorReleased(CaseId Case, Instant At, CoordinatorId Coordinator, string Reason) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.ReleaseCoordinator;
}
