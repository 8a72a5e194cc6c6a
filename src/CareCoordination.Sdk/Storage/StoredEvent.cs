using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A domain event as a store keeps it: its type, the schema version of its JSON, and the JSON itself, so that a later
/// version of the SDK reads what an earlier one wrote.
/// </summary>
/// <param name="Signal">The signal the event is about; a store erases the event with the signal.</param>
/// <param name="OtherSignal">For a match, the other signal; a store erases the event with either.</param>
/// <param name="Type">The event type, such as <c>SignalRegistered</c>.</param>
/// <param name="SchemaVersion">The version of the JSON document's schema.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Json">The event as JSON.</param>
public sealed record StoredEvent(SignalId Signal, SignalId? OtherSignal, string Type, int SchemaVersion, Instant OccurredAt, string Json);
