using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace CareCoordination.Sdk.Tests.Availability;

/// <summary>One stored event, as its row holds it.</summary>
public sealed record StoredEventRow(string Kind, string Stream, long Version, string Type, long SchemaVersion, string Json)
{
    /// <summary>The SQL that selects it.</summary>
    public string Where => $"kind = '{Kind}' AND stream = '{Stream}' AND version = {Version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether it is the last event of its stream in <paramref name="rows"/>.</summary>
    public bool IsLast(IEnumerable<StoredEventRow> rows) => !rows.Any(r => r.Kind == Kind && r.Stream == Stream && r.Version > Version);
}

/// <summary>One change to a whole store's rows, with what opening the hosted SDK on it must then do.</summary>
/// <param name="Table">The table changed.</param>
/// <param name="Description">What changed.</param>
/// <param name="Sql">The change, with <c>{0}</c> where the store's table prefix goes.</param>
/// <param name="Outcome">Loads (to exactly the written state), Refused (a typed error naming the table and row) or Unsupported.</param>
/// <param name="RowKeyPrefixes">The row keys the refusal may name (the changed row's, or a row the change moved an event to).</param>
public sealed record StoreMutation(string Table, string Description, string Sql, LoadOutcome Outcome, IReadOnlyList<string> RowKeyPrefixes)
{
    public override string ToString() => $"{Table}: {Description} (expects {Outcome})";
}

/// <summary>
/// Mutations of the tables the index's own load does not read but every other area reads when the hosted SDK starts —
/// the streams' JSON documents, the audit trail, the store's settings and version, the families' addresses — with the
/// outcome each must have, computed from the mutation: a document the SDK could not have written (truncated, a value of
/// another JSON type, an enum value it does not define, a property missing or added, a person key outside the keying's
/// range, a type, version or identifier the stream cannot have) is refused naming <c>stream_events</c> and the row; an
/// audit record changed in any way breaks the chain; a change that keeps the document's meaning loads exactly the state
/// the story left.
/// </summary>
public static class StoredStreamMutations
{
    /// <summary>The stream kind no area of the hosted SDK reads (the ASP.NET Core package's idempotency keys).</summary>
    public const string UnreadKind = "service-idempotency-keys";

    /// <summary>The highest schema version of a stream event this SDK reads.</summary>
    public const int StreamSchemaVersion = 2;

    /// <summary>The number of whole-store mutations per store: six in a hundred of the row mutations, at least 600.</summary>
    public static int Count => Math.Max(600, StoredRowMutations.Count * 6 / 100);

    // Properties whose words are the professionals' own text, not an enum's names.
    private static readonly HashSet<string> FreeText = ["Meeting", "Agreements", "Description", "Reason", "Justification", "Grounds", "DecisionReason", "OrganisationName", "ProfessionalName", "Fingerprint", "SealedFingerprint", "PostponedBecause", "WaitingListReason", "TimeZone", "Youth"];

    // Properties the SDK writes for readers of the JSON but computes from the others when it reads a document.
    private static readonly HashSet<string> Computed = ["IsFulfilled"];

    // Properties that records of an earlier SDK lack, so their absence is read as the SDK of then wrote it.
    private static readonly HashSet<string> Optional = ["SealedFingerprint"];

    // Properties that hold a person by the store's keying.
    private static readonly HashSet<string> Persons = ["Youth", "Youths", "NewYouths", "Carers", "Number"];

    private static bool IsPerson(StoredEventRow e, string property) => Persons.Contains(property) && (property != "Number" || e.Kind == "substitute-number");

    private static readonly Regex EnumWords = new("^[A-Z][A-Za-z]+(, [A-Z][A-Za-z]+)*$", RegexOptions.CultureInvariant);

    /// <summary>The row key of an event, as the SDK names it in a refusal.</summary>
    public static string RowKeyOf(string kind, string stream) => $"{kind}/{CareCoordination.Sdk.Storage.Relational.StoredRowValidator.ShownKey(stream)}";

    /// <summary>The generator of mutations of one written store's events and audit records.</summary>
    /// <param name="events">The store's stream events.</param>
    /// <param name="auditSequences">The sequence numbers of its audit records.</param>
    /// <param name="jsonIsNormalised">Whether the store keeps JSON as jsonb (and refuses text that is not JSON).</param>
    public static Gen<StoreMutation> Of(IReadOnlyList<StoredEventRow> events, IReadOnlyList<long> auditSequences, bool jsonIsNormalised)
    {
        var read = events.Where(e => e.Kind != UnreadKind).ToList();
        var shapes = read.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => Shape(g.First().Json));
        var row = Gen.Elements(read.ToArray());
        var json = row.SelectMany(e => Gen.Choose(0, 1000).SelectMany(pick => Gen.Choose(0, 8).Select(change => ChangeJson(e, pick, change, jsonIsNormalised))));
        var columns = row.SelectMany(e => Gen.Choose(0, 1000).SelectMany(pick => Gen.Choose(0, 9).Select(change => ChangeColumns(e, read, shapes, pick, change))));
        var audit = Gen.Elements(auditSequences.ToArray()).SelectMany(sequence => Gen.Choose(0, AuditChanges.Length - 1).Select(change => ChangeAudit(sequence, change)));
        return Gen.Frequency((50, json), (33, columns), (17, audit));
    }

    /// <summary>
    /// The changes of the small tables (the audit genesis, settings, schema version and family addresses), each applied
    /// once in every run: there are few enough to try them all, where sampling them could leave one untried.
    /// </summary>
    public static IReadOnlyList<StoreMutation> EverySettingChange => SettingChanges;

    private static HashSet<string> Shape(string json) => [.. JsonNode.Parse(json)!.AsObject().Select(p => p.Key)];

    private static StoreMutation Refused(StoredEventRow e, string description, string sql, params string[] otherKeys) =>
        new("stream_events", $"{e.Kind}/{e.Stream}/{e.Version} {e.Type}: {description}", sql, LoadOutcome.Refused, [RowKeyOf(e.Kind, e.Stream), .. otherKeys]);

    private static string SetJson(StoredEventRow e, string json) => $"UPDATE {{0}}stream_events SET payload = '{json.Replace("'", "''", StringComparison.Ordinal)}' WHERE {e.Where}";

    private static StoreMutation ChangeJson(StoredEventRow e, int pick, int change, bool jsonIsNormalised)
    {
        var document = JsonNode.Parse(e.Json)!.AsObject();
        var names = document.Select(p => p.Key).ToList();
        var name = names[pick % names.Count];
        switch (change)
        {
            case 0:
                // jsonb refuses the text before the store could hold it; SQLite keeps it.
                return Refused(e, "truncated", SetJson(e, e.Json[..(e.Json.Length * pick / 1001)]));
            case 1:
                return Refused(e, "an array instead of an object", SetJson(e, "[1]"));
            case 2:
                document[name] = WrongType(document[name]);
                return Computed.Contains(name)
                    ? new StoreMutation("stream_events", $"{e.Kind}/{e.Stream}/{e.Version}: {name} of another JSON type, which the SDK computes instead of reading", SetJson(e, document.ToJsonString()), LoadOutcome.Loads, [])
                    : Refused(e, $"{name} of another JSON type", SetJson(e, document.ToJsonString()));
            case 3:
                var enums = names.Where(n => document[n] is JsonValue v && v.TryGetValue(out string? text) && EnumWords.IsMatch(text) && !FreeText.Contains(n)).ToList();
                if (enums.Count == 0)
                {
                    goto case 4;
                }

                var member = enums[pick % enums.Count];
                document[member] = pick % 2 == 0 ? "NoSuchValue" : JsonValue.Create(4242);
                return Refused(e, $"{member} an undefined enum value {document[member]!.ToJsonString()}", SetJson(e, document.ToJsonString()));
            case 4:
                document.Remove(name);
                return Computed.Contains(name) || Optional.Contains(name)
                    ? new StoreMutation("stream_events", $"{e.Kind}/{e.Stream}/{e.Version}: without {name}, which the SDK computes or an earlier SDK did not write", SetJson(e, document.ToJsonString()), LoadOutcome.Loads, [])
                    : Refused(e, $"without {name}", SetJson(e, document.ToJsonString()));
            case 5:
                document["Unexpected" + (pick % 3).ToString(CultureInfo.InvariantCulture)] = pick % 2 == 0 ? JsonValue.Create(1) : JsonValue.Create("x");
                return Refused(e, "with a property the SDK does not write", SetJson(e, document.ToJsonString()));
            case 6:
                // "Number" is a person only in the substitute-number register; elsewhere (a goal, an action) it counts.
                var persons = names.Where(n => IsPerson(e, n) && ((document[n] is JsonValue v && v.TryGetValue(out long _)) || (document[n] is JsonArray { Count: > 0 } a && a[0] is JsonValue))).ToList();
                if (persons.Count == 0)
                {
                    goto case 2;
                }

                var person = persons[pick % persons.Count];
                long[] outside = [0, -1, 1_000_000_000, 9_999_999_999];
                var key = outside[pick % outside.Length];
                if (document[person] is JsonArray list)
                {
                    list[0] = key;
                }
                else
                {
                    document[person] = key;
                }

                return Refused(e, $"{person} a key outside the store's keying ({key})", SetJson(e, document.ToJsonString()));
            case 7:
                // The same document written otherwise: its properties in reverse order, with spaces.
                var reordered = new JsonObject(document.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                var text = reordered.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
                return new StoreMutation("stream_events", $"{e.Kind}/{e.Stream}/{e.Version}: the same document reordered and indented", SetJson(e, text), LoadOutcome.Loads, []);
            default:
                return jsonIsNormalised
                    ? Refused(e, "a JSON string instead of an object", SetJson(e, "\"text\""))
                    : Refused(e, "not JSON", SetJson(e, "not json at all"));
        }
    }

    private static JsonNode WrongType(JsonNode? value) => value switch
    {
        JsonArray => new JsonObject { ["x"] = 1 },
        JsonObject => new JsonArray(1, 2),
        JsonValue v when v.TryGetValue(out string? _) => JsonValue.Create(7.5),
        JsonValue v when v.TryGetValue(out bool _) => JsonValue.Create("yes"),
        null => new JsonArray(),
        _ => JsonValue.Create("seven"),
    };

    private static StoreMutation ChangeColumns(StoredEventRow e, IReadOnlyList<StoredEventRow> rows, Dictionary<string, HashSet<string>> shapes, int pick, int change)
    {
        var table = "{0}stream_events";
        switch (change)
        {
            case 0:
                return Refused(e, "type NoSuchEvent", $"UPDATE {table} SET type = 'NoSuchEvent' WHERE {e.Where}");
            case 1:
                // Another type this store holds, of another shape: its document lacks or adds a property.
                var others = shapes.Where(s => s.Key != e.Type && !s.Value.SetEquals(shapes[e.Type])).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
                var other = others[pick % others.Count];
                return Refused(e, $"type {other}", $"UPDATE {table} SET type = '{other}' WHERE {e.Where}");
            case 2:
                long[] versions = [0, -1];
                return Refused(e, $"schema version {versions[pick % 2]}", $"UPDATE {table} SET schema_version = {versions[pick % 2]} WHERE {e.Where}");
            case 3:
                var newer = StreamSchemaVersion + 1 + (pick % 5);
                return new StoreMutation("stream_events", $"{e.Kind}/{e.Stream}/{e.Version}: schema version {newer}", $"UPDATE {table} SET schema_version = {newer} WHERE {e.Where}", LoadOutcome.Unsupported, []);
            case 4:
                long[] ticks = [long.MaxValue, long.MinValue, NodaTime.Instant.MaxValue.ToUnixTimeTicks() + 1];
                return Refused(e, "a time that is no instant", $"UPDATE {table} SET at_ticks = {ticks[pick % 3]} WHERE {e.Where}");
            case 5:
                // A version out of its place: a gap, a repeat the key refuses, or one before the first.
                long[] moved = [0, -1, e.Version + 1_000];
                var version = moved[pick % 3];
                return Refused(e, $"version {version}", $"UPDATE {table} SET version = {version} WHERE {e.Where}");
            case 6:
                string[] identifiers = ["x", "0", "-3", "01", "1 ", "2026-02-30", "1-x"];
                var id = e.Kind == "move-notice" ? string.Empty : identifiers[pick % identifiers.Length];
                return Refused(e, $"stream '{id}'", $"UPDATE {table} SET stream = '{id}' WHERE {e.Where}", RowKeyOf(e.Kind, id));
            case 7:
                // Into the stream of a kind whose events it is not; the event's own stream may then have a gap too.
                var kind = e.Kind == "case" ? "plan" : "case";
                return Refused(e, $"kind {kind}", $"UPDATE {table} SET kind = '{kind}' WHERE {e.Where}", RowKeyOf(kind, e.Stream));
            case 8:
                if (e.IsLast(rows))
                {
                    goto case 5;
                }

                return Refused(e, "deleted, leaving a gap in its stream", $"DELETE FROM {table} WHERE {e.Where}");
            default:
                return Refused(e, "type empty", $"UPDATE {table} SET type = '' WHERE {e.Where}");
        }
    }

    // Every column of an audit record, set to a value the SDK did not write there; the chain's hashes notice each.
    private static readonly (string Column, string Value)[] AuditChanges =
    [
        ("at_ticks", "at_ticks + 1"), ("user_id", "user_id || 'x'"), ("role", "role + 1"), ("organisation", "COALESCE(organisation, 0) + 7"),
        ("system", "'other'"), ("subject", "CASE WHEN subject IS NULL THEN 'pseudonym-of-nobody' ELSE NULL END"), ("action", "action + 1"), ("data", "data + 1"), ("detail", "detail || '.'"),
        ("basis", "COALESCE(basis, 0) + 1"), ("basis_reference", "COALESCE(basis_reference, '') || 'x'"), ("flagged", "1 - flagged"),
        ("previous_hash", "'00'"), ("hash", "'00'"), ("role", "99"), ("action", "-4"), ("at_ticks", "9223372036854775807"), ("delete", string.Empty), ("sequence", "sequence + 1000"),
    ];

    private static StoreMutation ChangeAudit(long sequence, int change)
    {
        var (column, value) = AuditChanges[change];
        var sql = column == "delete"
            ? $"DELETE FROM {{0}}audit_records WHERE sequence = {sequence}"
            : $"UPDATE {{0}}audit_records SET {column} = {value} WHERE sequence = {sequence}";
        return new StoreMutation("audit_records", $"record {sequence}: {(column == "delete" ? "deleted" : $"{column} = {value}")}", sql, LoadOutcome.Refused, []);
    }

    private static readonly StoreMutation[] SettingChanges =
    [
        new("audit_genesis", "a genesis the trail was never purged to", "INSERT INTO {0}audit_genesis (hash, sequence) VALUES ('00', 3)", LoadOutcome.Refused, []),
        new("store_settings", "the erased signals' high-water mark not a number", $"UPDATE {{0}}store_settings SET value = 'abc' WHERE name = '{CareCoordination.Sdk.Storage.Relational.StoredSignalIdHighWater.SettingName}'", LoadOutcome.Refused, [string.Empty]),
        new("store_settings", "the erased signals' high-water mark negative", $"UPDATE {{0}}store_settings SET value = '-1' WHERE name = '{CareCoordination.Sdk.Storage.Relational.StoredSignalIdHighWater.SettingName}'", LoadOutcome.Refused, [string.Empty]),
        new("store_settings", "the erased signals' high-water mark higher", $"UPDATE {{0}}store_settings SET value = '99' WHERE name = '{CareCoordination.Sdk.Storage.Relational.StoredSignalIdHighWater.SettingName}'", LoadOutcome.Loads, []),
        new("store_settings", "the keying of another key", "UPDATE {0}store_settings SET value = 'hmac-sha256:0000000000000000' WHERE name = 'youth_keying'", LoadOutcome.Refused, []),
        new("store_settings", "no keying recorded", "DELETE FROM {0}store_settings WHERE name = 'youth_keying'", LoadOutcome.Refused, []),
        new("schema_info", "a newer schema version", "UPDATE {0}schema_info SET version = 7", LoadOutcome.Unsupported, []),
        new("schema_info", "no schema version", "DELETE FROM {0}schema_info", LoadOutcome.Refused, ["version", string.Empty]),
        new("family_addresses", "an address that is no address key", "UPDATE {0}family_addresses SET address = 'Dorpsstraat 1' WHERE family_id = (SELECT MIN(family_id) FROM {0}family_addresses)", LoadOutcome.Refused, [string.Empty]),
        new("family_addresses", "a municipality code out of range", "UPDATE {0}family_addresses SET municipality = 100000 WHERE family_id = (SELECT MAX(family_id) FROM {0}family_addresses)", LoadOutcome.Refused, [string.Empty]),
        new("family_addresses", "a family number that is not positive", "UPDATE {0}family_addresses SET family_id = 0 WHERE family_id = (SELECT MIN(family_id) FROM {0}family_addresses)", LoadOutcome.Refused, [string.Empty]),
    ];

    /// <summary>
    /// Opens the hosted SDK on a mutated store and holds the result to the mutation's outcome: a refusal must be typed
    /// and name its table and row (an audit record's change may instead break the chain, and a keying change is the
    /// keying's own typed refusal); a load must come back with exactly the written state.
    /// </summary>
    /// <param name="mutation">The mutation.</param>
    /// <param name="written">The state the story left, as <see cref="SchemaVersionSixStoreContract.Describe"/> tells it.</param>
    /// <param name="persons">The story's persons' numbers, which no refusal may show.</param>
    /// <param name="open">Opens the store and the SDK on it, and returns the SDK's state; throws what the open throws.</param>
    public static LoadOutcome Verify(StoreMutation mutation, string written, IEnumerable<string> persons, Func<string> open)
    {
        string state;
        try
        {
            state = open();
        }
        catch (CorruptStoredDataException e) when (mutation.Outcome == LoadOutcome.Refused)
        {
            That(
                e.Table == mutation.Table || (mutation.Table == "audit_genesis" && e.Table == "audit_records") || e.Table == "(schema)",
                $"{mutation}: the refusal names table {e.Table}: {e.Message}");
            That(mutation.RowKeyPrefixes.Count == 0 || mutation.RowKeyPrefixes.Any(p => e.RowKey.StartsWith(p, StringComparison.Ordinal)), $"{mutation}: the refusal names row {e.RowKey}: {e.Message}");
            That(e.Message.Contains(e.Table, StringComparison.Ordinal) && e.Problem.Length > 0, $"{mutation}: the refusal does not say where or what: {e.Message}");
            That(!persons.Any(p => e.Message.Contains(p, StringComparison.Ordinal)), $"{mutation}: the refusal shows a person's number: {e.Message}");
            return LoadOutcome.Refused;
        }
        catch (AuditTrailBrokenException e) when (mutation.Outcome == LoadOutcome.Refused && mutation.Table.StartsWith("audit_", StringComparison.Ordinal))
        {
            That(!persons.Any(p => e.Message.Contains(p, StringComparison.Ordinal)), $"{mutation}: the refusal shows a person's number: {e.Message}");
            return LoadOutcome.Refused;
        }
        catch (Exception e) when (e is StoreKeyingMismatchException or Microsoft.Extensions.Options.OptionsValidationException
            && mutation.Outcome == LoadOutcome.Refused && mutation.Description.Contains("keying", StringComparison.Ordinal))
        {
            // The keying check refuses the store at the host's start, naming both keys' fingerprints.
            That(e.Message.Contains("pseudonymis", StringComparison.Ordinal), $"{mutation}: the refusal does not name the keying: {e.Message}");
            return LoadOutcome.Refused;
        }
        catch (UnsupportedSchemaVersionException) when (mutation.Outcome == LoadOutcome.Unsupported)
        {
            return LoadOutcome.Unsupported;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{mutation}: opening the SDK threw {e.GetType().Name}: {e.Message}\n{e}");
        }

        That(mutation.Outcome == LoadOutcome.Loads, $"{mutation}: the SDK opened silently");
        That(state == written, $"{mutation}: the SDK opened to another state:\n{state}\nwritten:\n{written}");
        return LoadOutcome.Loads;
    }

    /// <summary>Starts every area of the hosted SDK, as a host's first request would, and tells the state the story left.</summary>
    /// <param name="sdk">The hosted SDK.</param>
    /// <param name="seed">The story's seed.</param>
    public static string Start(IServiceProvider sdk, int seed)
    {
        _ = sdk.GetRequiredService<ReferenceIndex>();
        _ = sdk.GetRequiredService<CoordinationDesk>();
        _ = sdk.GetRequiredService<PlanBook>();
        _ = sdk.GetRequiredService<ConsentRegister>();
        _ = sdk.GetRequiredService<InformationObligations>();
        _ = sdk.GetRequiredService<SubjectRequestBook>();
        _ = sdk.GetRequiredService<SubstituteNumberRegister>();
        _ = sdk.GetRequiredService<MatchFollowUpBook>();
        _ = sdk.GetRequiredService<NotificationFeed>();
        _ = sdk.GetRequiredService<MoveNotices>();
        _ = sdk.GetRequiredService<CareCoordination.Sdk.Logbook.Book.SignalLogbook>();
        var trail = sdk.GetRequiredService<AuditTrail>().Verify();
        That(trail.IsIntact, "the audit trail opened but is not intact: " + trail.Reason);
        return SchemaVersionSixStoreContract.Describe(sdk, seed);
    }

    private static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new Xunit.Sdk.XunitException(message);
        }
    }
}
