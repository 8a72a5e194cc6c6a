using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>The case was closed with its outcome.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Outcome">How it ended.</param>
public sealed record CaseClosed(CaseId Case, Instant At, CaseOutcome Outcome) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.Close;
}
