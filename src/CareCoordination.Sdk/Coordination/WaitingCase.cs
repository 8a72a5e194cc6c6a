using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>A case that waits for a case holder or a coordinator, in the director's overview.</summary>
/// <param name="Case">The case.</param>
/// <param name="Tier">The case's tier.</param>
/// <param name="Status">What it waits for.</param>
/// <param name="Reason">Why it waits.</param>
/// <param name="Since">Since when.</param>
/// <param name="Waited">How long, up to the overview's moment.</param>
public sealed record WaitingCase(CaseId Case, CoordinationTier Tier, CaseStatus Status, string Reason, Instant Since, Duration Waited);
