using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// A domain event in a coordination case's history. A case is the fold of its events
/// (<see cref="CoordinationCase.Replay"/>), so the history explains every state the case was ever in.
/// </summary>
/// <param name="Case">The case.</param>
/// <param name="At">When it happened.</param>
public abstract record CaseEvent(CaseId Case, Instant At)
{
    /// <summary>Gets the lifecycle trigger of the event, or <see langword="null"/> when it does not move the case (such as reassessing at the same tier).</summary>
    /// <param name="before">The case before the event.</param>
    /// <returns>The trigger.</returns>
    internal abstract CaseTrigger? TriggerFor(CoordinationCase before);
}
