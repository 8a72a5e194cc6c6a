namespace CareCoordination.Sdk.Privacy;

/// <summary>The outcome of verifying an audit trail's chain: intact, or the first broken link and why.</summary>
/// <param name="IsIntact">Whether every record is in place, unchanged and in order.</param>
/// <param name="FirstBrokenSequence">The sequence number at which the chain first breaks, if it does.</param>
/// <param name="Reason">What is wrong there, or "intact".</param>
/// <param name="Records">How many records were checked.</param>
public sealed record AuditVerification(bool IsIntact, long? FirstBrokenSequence, string Reason, int Records);
