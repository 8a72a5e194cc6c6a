using System;

namespace CareCoordination.Sdk.Plans;

/// <summary>One row of the escalation ladder: from a rung, on a trigger, to a rung.</summary>
/// <param name="From">The rung before.</param>
/// <param name="Trigger">What happens.</param>
/// <param name="To">The rung after.</param>
public sealed record EscalationStep(EscalationLevel From, EscalationTrigger Trigger, EscalationLevel To);
