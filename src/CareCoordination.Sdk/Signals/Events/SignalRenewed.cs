using NodaTime;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: an organisation signalled again on a youth it already had a signal on, which renewed that signal (<em>verlengd</em>).</summary>
/// <param name="Signal">The signal after renewal.</param>
/// <param name="PreviouslyRegisteredAt">When it had been made or last renewed before.</param>
public readonly record struct SignalRenewed(Signal Signal, Instant PreviouslyRegisteredAt);
