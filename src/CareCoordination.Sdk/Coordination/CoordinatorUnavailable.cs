using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>Nobody in the pool could take the case; it keeps waiting, and this is why.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why nobody could take it.</param>
public sealed record CoordinatorUnavailable(CaseId Case, Instant At, string Reason) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.DeferAssignment;
}
