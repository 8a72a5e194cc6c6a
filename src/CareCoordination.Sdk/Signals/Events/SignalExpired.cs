using NodaTime;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: a signal's lifetime ended (<em>verlopen</em>); a <see cref="SignalArchived"/> or <see cref="SignalRemoved"/> follows.</summary>
/// <param name="Signal">The signal as it was.</param>
/// <param name="Expiry">Which end of its lifetime it reached.</param>
/// <param name="At">When the expiry ran.</param>
public readonly record struct SignalExpired(Signal Signal, SignalExpiry Expiry, Instant At);
