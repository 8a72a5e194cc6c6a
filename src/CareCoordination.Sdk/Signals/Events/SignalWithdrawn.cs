using NodaTime;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: the reporting organisation withdrew its signal (<em>ingetrokken</em>); a <see cref="SignalArchived"/> or <see cref="SignalRemoved"/> follows.</summary>
/// <param name="Signal">The signal as it was.</param>
/// <param name="Reason">Why it was withdrawn.</param>
/// <param name="At">When.</param>
public readonly record struct SignalWithdrawn(Signal Signal, WithdrawalReason Reason, Instant At);
