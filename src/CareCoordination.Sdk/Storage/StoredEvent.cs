using System.Text.Json;
using System.Text.Json.Nodes;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A domain event as a store keeps it: its type, the schema version of its JSON, and the JSON itself, so that a later
/// version of the SDK reads what an earlier one wrote.
/// </summary>
/// <param name="Signal">The signal the event is about; a store erases the event with the signal.</param>
/// <param name="OtherSignal">
/// For a match, the other signal. A store erases the event with <paramref name="Signal"/>; when the other signal is
/// erased, the event is the other party's record and stays, rewritten by <see cref="WithoutErasedParty"/>.
/// </param>
/// <param name="Type">The event type, such as <c>SignalRegistered</c>.</param>
/// <param name="SchemaVersion">The version of the JSON document's schema.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Json">The event as JSON.</param>
public sealed record StoredEvent(SignalId Signal, SignalId? OtherSignal, string Type, int SchemaVersion, Instant OccurredAt, string Json)
{
    // The stored type of a match; the SQL stores blank the same two properties in place.
    private const string MatchFoundType = "MatchFound";

    /// <summary>
    /// Returns the event as a store must keep it once <see cref="OtherSignal"/> is erased: a match event keeps that a
    /// match was found, of which kind and when, but no longer names the erased signal's organisation or reporter, so
    /// that an unjustified signal, an upheld objection or an erasure request leaves no trace of who signalled outside
    /// the logbook the law prescribes. Any other event is returned as it is.
    /// </summary>
    /// <returns>The event to store in place of this one.</returns>
    /// <exception cref="JsonException">The event's JSON is not a JSON object.</exception>
    public StoredEvent WithoutErasedParty()
    {
        if (Type != MatchFoundType)
        {
            return this;
        }

        var document = JsonNode.Parse(Json) as JsonObject ?? throw new JsonException("A stored match event is not a JSON object.");
        document["OtherOrganisation"] = null;
        document["OtherReporter"] = null;
        return this with { Json = document.ToJsonString() };
    }
}
