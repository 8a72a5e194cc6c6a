using NodaTime;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: a signal was removed for good, from the active index or from the archive (<em>verwijderd</em>). Stores must erase it.</summary>
/// <param name="Signal">The signal as it was.</param>
/// <param name="Reason">Why it was removed.</param>
/// <param name="WasArchived">Whether it was removed from the archive rather than from the active index.</param>
/// <param name="At">When.</param>
public readonly record struct SignalRemoved(Signal Signal, SignalEndReason Reason, bool WasArchived, Instant At);
