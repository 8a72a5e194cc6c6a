using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>Coordination was handed over to youth protection (<em>overdracht</em>).</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Handover">The handover record.</param>
public sealed record CaseHandedOver(CaseId Case, Instant At, Handover Handover) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.HandOver;
}
