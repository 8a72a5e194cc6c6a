using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>One event of an aggregate's stream as stored: its type, the schema version of its JSON, when it happened, and the JSON.</summary>
/// <param name="Type">The event's type name, such as <c>CaseOpened</c>.</param>
/// <param name="SchemaVersion">The schema version the JSON was written with, so that a later SDK reads what an earlier one wrote.</param>
/// <param name="At">When the event happened.</param>
/// <param name="Json">The event as JSON.</param>
public sealed record StreamEvent(string Type, int SchemaVersion, Instant At, string Json);
