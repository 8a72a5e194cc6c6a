namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: a new signal entered the reference index (<em>signaal afgegeven</em>).</summary>
/// <param name="Signal">The signal as registered.</param>
public readonly record struct SignalRegistered(Signal Signal);
