using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Internal;
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

    private readonly JsonSerializerOptions _json;

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
        new(document.GetType().Name, SchemaVersion, at, JsonSerializer.Serialize(document, _json.GetTypeInfo(document.GetType())));

    /// <summary>Reads a case's events.</summary>
    /// <exception cref="CorruptStoredDataException">An event is not one the SDK writes into a case's stream.</exception>
    public IReadOnlyList<CaseEvent> ReadCase(StoredHistory stream) => [.. Read(stream, CaseEvents).Cast<CaseEvent>()];

    /// <summary>Reads a plan's events.</summary>
    /// <exception cref="CorruptStoredDataException">An event is not one the SDK writes into a plan's stream.</exception>
    public IReadOnlyList<PlanEvent> ReadPlan(StoredHistory stream) => [.. Read(stream, PlanEvents).Cast<PlanEvent>()];

    /// <summary>Reads one stored record that is not a domain event.</summary>
    public object ReadRecord(StreamEvent stored) => Read(stored, RecordEvents);

    /// <summary>
    /// Reads every record of a stream, so that a damaged event is refused even where the area keeps only the last one.
    /// </summary>
    /// <exception cref="CorruptStoredDataException">An event is not a record the SDK writes.</exception>
    public IReadOnlyList<object> ReadRecords(StoredHistory stream) => Read(stream, RecordEvents);

    /// <summary>Reads the last record of a stream, after checking every record before it.</summary>
    /// <exception cref="CorruptStoredDataException">An event is not a record the SDK writes, or the stream holds none.</exception>
    public object ReadLastRecord(StoredHistory stream)
    {
        var records = ReadRecords(stream);
        return records.Count > 0 ? records[^1] : throw Damaged(stream, 1, "the stream holds no event", null);
    }

    /// <summary>
    /// Rebuilds an area's state from one stream, turning what the rebuild throws on events the SDK never wrote in that
    /// order (a plan step its plan cannot take, an identifier that is not one) into the store's damage, named by the stream.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="rebuild">What the area does with it.</param>
    /// <exception cref="CorruptStoredDataException">The stream's identifier is not one the SDK names its kind's streams by, or its events do not rebuild.</exception>
    public static void Rebuild(StoredHistory stream, Action rebuild)
    {
        Guard.NotNull(stream);
        Guard.NotNull(rebuild);
        if (IdentifierProblem(stream.Kind, stream.Id) is { } problem)
        {
            throw new CorruptStoredDataException(new QuarantinedRow(StoredRowKeys.StreamEventsTable, RowKey(stream, null), problem), null);
        }

        try
        {
            rebuild();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw new CorruptStoredDataException(new QuarantinedRow(StoredRowKeys.StreamEventsTable, RowKey(stream, null), $"its events do not rebuild a {stream.Kind} ({e.GetType().Name})"), e);
        }
    }

    /// <summary>
    /// Writes a stored event again with another keying: read with this one, written with <paramref name="target"/>'s,
    /// keeping its type and time. An event of a type no stream of this SDK holds is refused, not copied unread.
    /// </summary>
    public StreamEvent Rekey(StreamEvent stored, StreamDocuments target)
    {
        var known = CaseEvents.ContainsKey(stored.Type) ? CaseEvents : PlanEvents.ContainsKey(stored.Type) ? PlanEvents : RecordEvents;
        return target.Write(Read(stored, known), stored.At);
    }

    private List<object> Read(StoredHistory stream, FrozenDictionary<string, Type> known)
    {
        Guard.NotNull(stream);
        var result = new List<object>(stream.Events.Count);
        foreach (var stored in stream.Events)
        {
            var position = result.Count + 1;
            if (stored.SchemaVersion <= SchemaVersion && !known.ContainsKey(stored.Type))
            {
                // A newer SDK marks its new event types with a newer schema version; under this one, an unknown type is damage.
                throw Damaged(stream, position, $"its type {Shown(stored.Type)} is not one the SDK writes into a {stream.Kind} stream", null);
            }

            try
            {
                result.Add(Read(stored, known));
            }
            catch (Exception e) when (IsDamage(e))
            {
                var path = e is JsonException { Path: { } at } ? " at " + at : string.Empty;
                throw Damaged(stream, position, $"its JSON is not a {stored.Type} the SDK writes{path}", e);
            }
        }

        return result;
    }

    // What the JSON reader, a converter or a domain constructor throws on a value the SDK never wrote; never a failure of
    // the store itself, and never the typed refusals that already say what is wrong.
    private static bool IsDamage(Exception e) =>
        e is not UnsupportedSchemaVersionException && e is JsonException or FormatException or ArgumentException or OverflowException or InvalidCastException or NotSupportedException
            or KeyNotFoundException or IndexOutOfRangeException or System.IO.InvalidDataException
        || (e is InvalidOperationException && e is not (CorruptStoredDataException or StoreUnavailableException or StoreKeyingMismatchException or StoreInUseException));

    private static CorruptStoredDataException Damaged(StoredHistory stream, int position, string problem, Exception? cause) =>
        new(new QuarantinedRow(StoredRowKeys.StreamEventsTable, RowKey(stream, position), problem), cause);

    private static string RowKey(StoredHistory stream, int? position) =>
        position is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{stream.Kind}/{StoredRowKeys.Shown(stream.Id)}/{p}")
            : $"{stream.Kind}/{StoredRowKeys.Shown(stream.Id)}";

    // A type name is the SDK's own word; anything else in the column is shown by its hash, as a client's key is.
    private static string Shown(string type) => type.Length is > 0 and <= 64 && type.All(char.IsAsciiLetter) ? type : StoredRowKeys.Shown(type);

    // The identifiers each kind's streams are named by, as the areas write them; a stream named otherwise was not written by the SDK.
    private static string? IdentifierProblem(string kind, string id)
    {
        var sound = kind switch
        {
            Case or Coordinator or Family or Plan or Consent or LegalBasis or InformationObligation or NotificationFeed or SubjectRequest or SubstituteNumber => IsPositiveNumber(id),
            Logbook => NodaTime.Text.LocalDatePattern.Iso.Parse(id).Success,
            MatchFollowUp => id.Split('-') is [var low, var high] && IsPositiveNumber(low) && IsPositiveNumber(high),
            _ => id.Length > 0,
        };
        return sound ? null : $"its identifier is not one the SDK names a {kind} stream by";
    }

    private static bool IsPositiveNumber(string text) =>
        text.Length is > 0 and <= 10 && text[0] != '0' && text.All(char.IsAsciiDigit) && long.Parse(text, CultureInfo.InvariantCulture) <= int.MaxValue;

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
        return JsonSerializer.Deserialize(stored.Json, json.GetTypeInfo(type)) ?? throw new JsonException($"A stored {stored.Type} is empty.");
    }

    private static FrozenDictionary<string, Type> Named(params Type[] types) => types.ToFrozenDictionary(t => t.Name);

    private static JsonSerializerOptions CreateContext(YouthKeying keying)
    {
        var options = new JsonSerializerOptions
        {
            // The SDK writes every property of a document, nulls included, and no other: a document that lacks one, holds
            // one more, or holds null where the record holds none was not written by it, and is refused rather than read
            // with a default in place of the missing value.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = StreamJsonContext.Default.WithAddedModifier(StrictDocuments.Apply),
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

        options.MakeReadOnly();
        foreach (var type in CaseEvents.Values.Concat(PlanEvents.Values).Concat(RecordEvents.Values))
        {
            _ = options.GetTypeInfo(type);
        }

        return options;
    }
}
