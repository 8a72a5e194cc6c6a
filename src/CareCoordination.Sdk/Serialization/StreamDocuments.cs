using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// Turns the aggregates' events into stream events and back. The event's type name goes into the stream event, not into
/// the JSON, so the public event records carry no serialisation attributes. Every person in the JSON is written by the
/// key the <see cref="YouthKeying"/> gives, so that a pseudonymised store holds no BSN in any stream.
/// </summary>
/// <remarks>Immutable and thread-safe; one instance per keying (<see cref="For"/>).</remarks>
internal sealed class StreamDocuments
{
    /// <summary>The schema version this SDK writes and the highest it reads: 2 writes persons by the store's keying, 1 wrote them by BSN.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The first schema version that writes persons by the store's keying instead of the BSN.</summary>
    public const int KeyedSchemaVersion = 2;

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

    /// <summary>The stream kind of the organisations' notification feeds, one stream per organisation.</summary>
    public const string NotificationFeed = "notification-feed";

    /// <summary>The kind of the reference index's logbook streams, one per day.</summary>
    public const string Logbook = "logbook";

    /// <summary>The kind of the move notices' streams, one per recipient organisation (or per municipality without a named match coordinator).</summary>
    public const string MoveNotice = "move-notice";

    /// <summary>The kind of the match follow-up streams, one per match (its two signal identifiers, lower first).</summary>
    public const string MatchFollowUp = "match-follow-up";

    /// <summary>The kind of the streams of the youth's or parents' requests (objection, correction, erasure), one per request, named by its number.</summary>
    public const string SubjectRequest = "subject-request";

    /// <summary>The kind of the substitute-number register's streams, one per number, named by its youth key.</summary>
    public const string SubstituteNumber = "substitute-number";

    /// <summary>
    /// The stream kind of the service's durable idempotency keys (<c>IdempotentWrites.StreamKind</c> in the ASP.NET Core
    /// package), named here so that a migration copies them: they hold hashes and masked answers, no person key.
    /// </summary>
    public const string ServiceIdempotencyKeys = "service-idempotency-keys";

    private static readonly FrozenDictionary<string, Type> CaseEvents = Named(
        typeof(CaseOpened), typeof(IntakeJoined), typeof(CaseHolderNamed), typeof(CaseAssessed), typeof(CoordinatorAssigned), typeof(CoordinatorUnavailable),
        typeof(CoordinatorReleased), typeof(CaseHandedOver), typeof(FeedbackRecorded), typeof(CaseReturned), typeof(CoordinationHoursRecorded), typeof(CaseClosed));

    private static readonly FrozenDictionary<string, Type> PlanEvents = Named(
        typeof(PlanDrafted), typeof(GoalSet), typeof(ActionAgreed), typeof(ActionCompleted), typeof(ActionOnWaitingList), typeof(ActionUnblocked), typeof(AgreementMade),
        typeof(FamilyAgreed), typeof(CooperationRefused), typeof(CooperationResumed), typeof(CircumstancesChanged), typeof(PlanReviewed), typeof(EscalationStepped),
        typeof(EnforcementOrdered));

    private static readonly FrozenDictionary<string, Type> RecordEvents = Named(
        typeof(CoordinatorJoinedPool), typeof(CoordinatorLeftPool), typeof(ConsentGiven), typeof(ConsentWithdrawn), typeof(LegalBasisRecorded), typeof(StreamErased), typeof(Privacy.InformationObligation), typeof(FamilyRecorded),
        typeof(MatchNotificationRecorded), typeof(Logbook.LogbookEntryRecorded), typeof(MoveNoticeRecorded), typeof(MatchFollowUpRecorded), typeof(SubstituteNumberIssued), typeof(SubjectRequestRecorded));

    private static readonly StreamDocuments ByBsn = new(YouthKeying.ByBsn);

    private readonly StreamJsonContext _json;

    private StreamDocuments(YouthKeying keying)
    {
        Keying = keying;
        _json = CreateContext(keying);
    }

    /// <summary>Gets the keying the persons in the JSON are written by.</summary>
    public YouthKeying Keying { get; }

    /// <summary>Gets the documents for a keying.</summary>
    public static StreamDocuments For(YouthKeying keying) => keying == YouthKeying.ByBsn ? ByBsn : new(keying);

    /// <summary>Gets the names of every event and record type the streams hold, for the tests that pin their stored form.</summary>
    public static IEnumerable<string> KnownTypes => CaseEvents.Keys.Concat(PlanEvents.Keys).Concat(RecordEvents.Keys);

    /// <summary>Gets whether a stream was erased, leaving only its tombstone.</summary>
    public static bool IsErased(StoredHistory stream) => stream.Events.Count > 0 && stream.Events[^1].Type == nameof(StreamErased);

    /// <summary>Writes a case event.</summary>
    public StreamEvent Write(CaseEvent e) => Write(e, e.At);

    /// <summary>Writes a plan event.</summary>
    public StreamEvent Write(PlanEvent e) => Write(e, e.At);

    /// <summary>Writes one of the stored records that are not domain events (pool changes, consents, erasures).</summary>
    public StreamEvent Write(object document, Instant at) =>
        new(document.GetType().Name, SchemaVersion, at, JsonSerializer.Serialize(document, document.GetType(), _json));

    /// <summary>Reads a case's events.</summary>
    public IReadOnlyList<CaseEvent> ReadCase(StoredHistory stream) => [.. stream.Events.Select(e => (CaseEvent)Read(e, CaseEvents))];

    /// <summary>Reads a plan's events.</summary>
    public IReadOnlyList<PlanEvent> ReadPlan(StoredHistory stream) => [.. stream.Events.Select(e => (PlanEvent)Read(e, PlanEvents))];

    /// <summary>Reads one stored record that is not a domain event.</summary>
    public object ReadRecord(StreamEvent stored) => Read(stored, RecordEvents);

    /// <summary>
    /// Writes a stored event again with another keying: read with this one, written with <paramref name="target"/>'s,
    /// keeping its type and time. An event of a type no stream of this SDK holds is refused, not copied unread.
    /// </summary>
    public StreamEvent Rekey(StreamEvent stored, StreamDocuments target)
    {
        var known = CaseEvents.ContainsKey(stored.Type) ? CaseEvents : PlanEvents.ContainsKey(stored.Type) ? PlanEvents : RecordEvents;
        return target.Write(Read(stored, known), stored.At);
    }

    private object Read(StreamEvent stored, FrozenDictionary<string, Type> known)
    {
        if (stored.SchemaVersion > SchemaVersion || stored.SchemaVersion < 1)
        {
            throw new UnsupportedSchemaVersionException(stored.Type, stored.SchemaVersion, SchemaVersion);
        }

        var type = known.GetValueOrDefault(stored.Type)
            ?? throw new UnsupportedSchemaVersionException($"The stored event type '{stored.Type}' is not one this version of CareCoordination.Sdk knows. Upgrade the SDK.");

        // Version 1 wrote persons by BSN whatever the keying; such events stay readable until their stream is erased.
        var json = stored.SchemaVersion < KeyedSchemaVersion ? ByBsn._json : _json;
        return JsonSerializer.Deserialize(stored.Json, json.GetTypeInfo(type)!) ?? throw new JsonException($"A stored {stored.Type} is empty.");
    }

    private static FrozenDictionary<string, Type> Named(params Type[] types) => types.ToFrozenDictionary(t => t.Name);

    private static StreamJsonContext CreateContext(YouthKeying keying)
    {
        var options = new JsonSerializerOptions
        {
            Converters =
            {
                NodaConverters.InstantConverter,
                NodaConverters.LocalDateConverter,
                NodaConverters.RoundtripDurationConverter,
                NodaConverters.CreateDateTimeZoneConverter(DateTimeZoneProviders.Tzdb),
                // A person is stored as the number of its key (the BSN, or its pseudonym), unlike the masked BSN of the public JSON.
                new NumberIdentifierConverter<Bsn>(person => keying.KeyOf(person).Value, value => keying.PersonOf(YouthKey.FromStored(checked((int)value)))),
                new DocumentConverter<Handover, HandoverDocument>(HandoverDocument.Of, d => d.ToHandover(), o => (JsonTypeInfo<HandoverDocument>)o.GetTypeInfo(typeof(HandoverDocument))),
                new DocumentConverter<EnforcementOrder, EnforcementOrderDocument>(EnforcementOrderDocument.Of, d => d.ToOrder(), o => (JsonTypeInfo<EnforcementOrderDocument>)o.GetTypeInfo(typeof(EnforcementOrderDocument))),
            },
        };
        // The identifiers in exactly the shape of the public JSON (CareCoordinationJson): one set of converters for both.
        foreach (var converter in CareCoordinationJson.IdentifierConverters)
        {
            options.Converters.Add(converter);
        }

        var context = new StreamJsonContext(options);
        foreach (var type in CaseEvents.Values.Concat(PlanEvents.Values).Concat(RecordEvents.Values))
        {
            _ = context.GetTypeInfo(type) ?? throw new InvalidOperationException(type.Name + " is not in the stream JSON context.");
        }

        return context;
    }
}
