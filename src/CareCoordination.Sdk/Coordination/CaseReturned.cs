using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>The measure or indication ended and coordination came back from youth protection.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why, for example "supervision order ended".</param>
public sealed record CaseReturned(CaseId Case, Instant At, string Reason) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.Return;
}
