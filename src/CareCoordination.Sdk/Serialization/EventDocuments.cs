using System.Text.Json;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CareCoordination.Sdk.Serialization;

/// <summary>Turns the index's domain events into stored events and back.</summary>
internal static class EventDocuments
{
    /// <summary>The schema version this SDK writes and the highest it reads.</summary>
    public const int SchemaVersion = 1;

    private static readonly StoreJsonContext Json = new(new JsonSerializerOptions
    {
        Converters = { NodaConverters.InstantConverter, NodaConverters.LocalDateConverter },
    });

    public static StoredEvent Registered(in Signal signal) => OfSignal(nameof(SignalRegistered), signal, null, signal.RegisteredAt);

    public static StoredEvent Renewed(in Signal signal) => OfSignal(nameof(SignalRenewed), signal, null, signal.RegisteredAt);

    public static StoredEvent Withdrawn(in Signal signal, WithdrawalReason reason, Instant at) => OfSignal(nameof(SignalWithdrawn), signal, reason.ToString(), at);

    public static StoredEvent Expired(in Signal signal, Instant at) => OfSignal(nameof(SignalExpired), signal, signal.Expiry.ToString(), at);

    public static StoredEvent Archived(in Signal signal, SignalEndReason reason, Instant at) => OfSignal(nameof(SignalArchived), signal, reason.ToString(), at);

    public static StoredEvent Removed(in Signal signal, SignalEndReason reason, Instant at) => OfSignal(nameof(SignalRemoved), signal, reason.ToString(), at);

    public static StoredEvent MatchFound(in Match match)
    {
        var document = new MatchEventDocument(
            match.Kind,
            match.Signal.Value,
            match.OtherSignal.Value,
            match.Organisation.Value,
            match.OtherOrganisation.Value,
            match.Reporter.Value,
            match.OtherReporter.Value,
            match.MatchCoordinator.Value,
            match.Family?.Value,
            match.FoundAt);
        return new StoredEvent(match.Signal, match.OtherSignal, nameof(Matching.MatchFound), SchemaVersion, match.FoundAt, JsonSerializer.Serialize(document, Json.MatchEventDocument));
    }

    public static StoredIdempotencyKey Remember(string key, Instant at, RememberedAnswerDocument answer)
    {
        // Only the answer's own signal is linked: its erasure takes the key (the answer holds its youth's number), while
        // the removal of a matched signal of another party leaves the answer, so that a retry still gets it.
        return new StoredIdempotencyKey(key, at, [new SignalId(answer.Signal.Id)], SchemaVersion, JsonSerializer.Serialize(answer, Json.RememberedAnswerDocument));
    }

    /// <summary>The tombstone of an answer whose own signal was erased: linked to no signal, holding no youth.</summary>
    public static StoredIdempotencyKey RememberRemoved(string key, Instant at, RememberedAnswerDocument tombstone) =>
        new(key, at, [], SchemaVersion, JsonSerializer.Serialize(tombstone, Json.RememberedAnswerDocument));

    public static RememberedAnswerDocument ReadRemembered(StoredIdempotencyKey stored)
    {
        if (stored.SchemaVersion > SchemaVersion || stored.SchemaVersion < 1)
        {
            throw new UnsupportedSchemaVersionException("idempotency key", stored.SchemaVersion, SchemaVersion);
        }

        return JsonSerializer.Deserialize(stored.Json, Json.RememberedAnswerDocument)
            ?? throw new JsonException("A stored idempotency answer is empty.");
    }

    public static SignalEventDocument ReadSignalEvent(StoredEvent stored)
    {
        CheckVersion(stored);
        return JsonSerializer.Deserialize(stored.Json, Json.SignalEventDocument)
            ?? throw new JsonException("A stored signal event is empty.");
    }

    public static MatchEventDocument ReadMatchEvent(StoredEvent stored)
    {
        CheckVersion(stored);
        return JsonSerializer.Deserialize(stored.Json, Json.MatchEventDocument)
            ?? throw new JsonException("A stored match event is empty.");
    }

    private static void CheckVersion(StoredEvent stored)
    {
        if (stored.SchemaVersion > SchemaVersion || stored.SchemaVersion < 1)
        {
            throw new UnsupportedSchemaVersionException(stored.Type, stored.SchemaVersion, SchemaVersion);
        }
    }

    private static StoredEvent OfSignal(string type, in Signal signal, string? reason, Instant at)
    {
        var document = new SignalEventDocument(
            signal.Id.Value,
            signal.Organisation.Value,
            signal.Reporter.Value,
            signal.RegisteredAt,
            signal.ExpiresOn,
            signal.Expiry,
            reason,
            at);
        return new StoredEvent(signal.Id, null, type, SchemaVersion, at, JsonSerializer.Serialize(document, Json.SignalEventDocument));
    }
}
