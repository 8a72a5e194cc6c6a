using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Events;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Events;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// Turns the aggregates' events into stream events and back. The event's type name goes into the stream event, not into
/// the JSON, so the public event records carry no serialisation attributes.
/// </summary>
internal static class StreamDocuments
{
    /// <summary>The schema version this SDK writes and the highest it reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The stream kind of coordination cases.</summary>
    public const string Case = "case";

    /// <summary>The stream kind of the coordinators in the pool.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>The stream kind of the families the desk was told about.</summary>
    public const string Family = "family";

    /// <summary>The stream kind of family plans.</summary>
    public const string Plan = "plan";

    /// <summary>The stream kind of consents.</summary>
    public const string Consent = "consent";

    /// <summary>The stream kind of legal-basis decisions.</summary>
    public const string LegalBasis = "legal-basis";

    /// <summary>The stream kind of information obligations, one stream per signal.</summary>
    public const string InformationObligation = "information-obligation";

    private static readonly StreamJsonContext Json = CreateContext();

    private static readonly FrozenDictionary<string, JsonTypeInfo> CaseEvents = TypeInfos(
        typeof(CaseOpened), typeof(IntakeJoined), typeof(CaseHolderNamed), typeof(CaseAssessed), typeof(CoordinatorAssigned), typeof(CoordinatorUnavailable),
        typeof(CoordinatorReleased), typeof(CaseHandedOver), typeof(FeedbackRecorded), typeof(CaseReturned), typeof(CoordinationHoursRecorded), typeof(CaseClosed));

    private static readonly FrozenDictionary<string, JsonTypeInfo> PlanEvents = TypeInfos(
        typeof(PlanDrafted), typeof(GoalSet), typeof(ActionAgreed), typeof(ActionCompleted), typeof(ActionOnWaitingList), typeof(ActionUnblocked), typeof(AgreementMade),
        typeof(FamilyAgreed), typeof(CooperationRefused), typeof(CooperationResumed), typeof(CircumstancesChanged), typeof(PlanReviewed), typeof(EscalationStepped),
        typeof(EnforcementOrdered));

    private static readonly FrozenDictionary<string, JsonTypeInfo> RecordEvents = TypeInfos(
        typeof(CoordinatorJoinedPool), typeof(CoordinatorLeftPool), typeof(ConsentGiven), typeof(ConsentWithdrawn), typeof(LegalBasisRecorded), typeof(StreamErased), typeof(Privacy.InformationObligation), typeof(FamilyRecorded));

    /// <summary>Writes a case event.</summary>
    public static StreamEvent Write(CaseEvent e) => Write(e, e.At);

    /// <summary>Writes a plan event.</summary>
    public static StreamEvent Write(PlanEvent e) => Write(e, e.At);

    /// <summary>Writes one of the stored records that are not domain events (pool changes, consents, erasures).</summary>
    public static StreamEvent Write(object document, Instant at) =>
        new(document.GetType().Name, SchemaVersion, at, JsonSerializer.Serialize(document, document.GetType(), Json));

    /// <summary>Reads a case's events.</summary>
    public static IReadOnlyList<CaseEvent> ReadCase(StoredHistory stream) => [.. stream.Events.Select(e => (CaseEvent)Read(e, CaseEvents))];

    /// <summary>Reads a plan's events.</summary>
    public static IReadOnlyList<PlanEvent> ReadPlan(StoredHistory stream) => [.. stream.Events.Select(e => (PlanEvent)Read(e, PlanEvents))];

    /// <summary>Reads one stored record that is not a domain event.</summary>
    public static object ReadRecord(StreamEvent stored) => Read(stored, RecordEvents);

    /// <summary>Gets whether a stream was erased, leaving only its tombstone.</summary>
    public static bool IsErased(StoredHistory stream) => stream.Events.Count > 0 && stream.Events[^1].Type == nameof(StreamErased);

    private static object Read(StreamEvent stored, FrozenDictionary<string, JsonTypeInfo> known)
    {
        if (stored.SchemaVersion > SchemaVersion || stored.SchemaVersion < 1)
        {
            throw new UnsupportedSchemaVersionException(stored.Type, stored.SchemaVersion, SchemaVersion);
        }

        var info = known.GetValueOrDefault(stored.Type)
            ?? throw new UnsupportedSchemaVersionException($"The stored event type '{stored.Type}' is not one this version of CareCoordination.Sdk knows. Upgrade the SDK.");
        return JsonSerializer.Deserialize(stored.Json, info) ?? throw new JsonException($"A stored {stored.Type} is empty.");
    }

    private static FrozenDictionary<string, JsonTypeInfo> TypeInfos(params Type[] types) =>
        types.ToFrozenDictionary(t => t.Name, t => Json.GetTypeInfo(t) ?? throw new InvalidOperationException(t.Name + " is not in the stream JSON context."));

    private static StreamJsonContext CreateContext()
    {
        var options = new JsonSerializerOptions
        {
            Converters =
            {
                NodaConverters.InstantConverter,
                NodaConverters.LocalDateConverter,
                NodaConverters.RoundtripDurationConverter,
                NodaConverters.CreateDateTimeZoneConverter(DateTimeZoneProviders.Tzdb),
                // The BSN is stored as its number (or its pseudonym), unlike the masked BSN of the public JSON.
                new NumberIdentifierConverter<Bsn>(bsn => bsn.RevealNumber(), value => Bsn.FromStoredKey(checked((int)value))),
                new DocumentConverter<Handover, HandoverDocument>(HandoverDocument.Of, d => d.ToHandover(), o => (JsonTypeInfo<HandoverDocument>)o.GetTypeInfo(typeof(HandoverDocument))),
                new DocumentConverter<EnforcementOrder, EnforcementOrderDocument>(EnforcementOrderDocument.Of, d => d.ToOrder(), o => (JsonTypeInfo<EnforcementOrderDocument>)o.GetTypeInfo(typeof(EnforcementOrderDocument))),
            },
        };
        // The identifiers in exactly the shape of the public JSON (CareCoordinationJson): one set of converters for both.
        foreach (var converter in CareCoordinationJson.IdentifierConverters)
        {
            options.Converters.Add(converter);
        }

        return new StreamJsonContext(options);
    }
}
