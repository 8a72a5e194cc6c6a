using System;

namespace CareCoordination.Sdk.Coordination;

/// <summary>One row of the case lifecycle table: from a status, on a trigger, to a status — when the condition holds.</summary>
/// <param name="From">The status before.</param>
/// <param name="Trigger">What happens.</param>
/// <param name="To">The status after.</param>
/// <param name="Condition">The condition in words, or <see langword="null"/> when the row always applies.</param>
public sealed record CaseTransition(CaseStatus From, CaseTrigger Trigger, CaseStatus To, string? Condition)
{
    internal Func<CoordinationCase, bool> Holds { get; init; } = static _ => true;
}
