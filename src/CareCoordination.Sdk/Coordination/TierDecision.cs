using System.Collections.Generic;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The outcome of a <see cref="TierRuleSet"/> for one assessment: the tier and every reason that led to it. When the
/// assessment names an indication or a protection measure, the decision also says that coordination belongs with
/// youth protection (<see cref="HandoverIndicated"/>).
/// </summary>
/// <param name="Tier">The tier the case needs: the highest tier of the rules that fired, or none.</param>
/// <param name="Reasons">One sentence per rule that fired, and for the handover; a single sentence when no rule fired.</param>
/// <param name="HandoverIndicated">The measure that hands coordination over to youth protection, if any.</param>
public sealed record TierDecision(CoordinationTier Tier, IReadOnlyList<string> Reasons, YouthProtectionMeasure? HandoverIndicated);
