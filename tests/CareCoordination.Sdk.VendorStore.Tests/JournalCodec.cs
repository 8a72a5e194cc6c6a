using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Text;

namespace CareCoordination.Sdk.VendorStore.Tests;

/// <summary>
/// Writes the public row types of the storage contract as JSON and reads them back, with nothing but their public
/// constructors and read-back members (<see cref="YouthKey.FromStored"/>, <see cref="PersonPseudonym.Parse"/>,
/// <see cref="AddressKey.FromStored"/>): what a vendor's SQL Server or Oracle store would map to its columns.
/// </summary>
internal static class JournalCodec
{
    // Nanoseconds survive: a store must give back the instant it was given, not one rounded to its clock.
    private static readonly InstantPattern Instants = InstantPattern.ExtendedIso;

    public static void Write(Utf8JsonWriter json, ChangeSet changes)
    {
        json.WriteStartObject();
        json.WriteStartArray("signals");
        foreach (var commit in changes.SignalCommits)
        {
            Write(json, commit);
        }

        json.WriteEndArray();
        json.WriteStartArray("families");
        foreach (var family in changes.Families)
        {
            json.WriteStartObject();
            json.WriteNumber("id", family.Id.Value);
            if (family.Family is { } stored)
            {
                json.WritePropertyName("family");
                Write(json, stored);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("streams");
        foreach (var stream in changes.Streams)
        {
            json.WriteStartObject();
            json.WriteString("kind", stream.Kind);
            json.WriteString("stream", stream.Stream);
            if (stream.ExpectedVersion is { } expected)
            {
                json.WriteNumber("expectedVersion", expected);
            }

            json.WriteStartArray("events");
            foreach (var e in stream.Events)
            {
                Write(json, e);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("audit");
        foreach (var record in changes.AuditRecords)
        {
            Write(json, record);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static ChangeSet ReadChangeSet(JsonElement json)
    {
        var changes = new ChangeSet();
        foreach (var commit in json.GetProperty("signals").EnumerateArray())
        {
            changes.Add(ReadSignalCommit(commit));
        }

        foreach (var family in json.GetProperty("families").EnumerateArray())
        {
            changes.Add(new FamilyChange(new FamilyId(family.GetProperty("id").GetInt32()), family.TryGetProperty("family", out var stored) ? ReadFamily(stored) : null));
        }

        foreach (var stream in json.GetProperty("streams").EnumerateArray())
        {
            changes.Add(new StreamChange(
                stream.GetProperty("kind").GetString()!,
                stream.GetProperty("stream").GetString()!,
                stream.TryGetProperty("expectedVersion", out var expected) ? expected.GetInt32() : null,
                [.. stream.GetProperty("events").EnumerateArray().Select(ReadStreamEvent)]));
        }

        foreach (var record in json.GetProperty("audit").EnumerateArray())
        {
            changes.Add(ReadAuditRecord(record));
        }

        return changes;
    }

    private static void Write(Utf8JsonWriter json, SignalCommit commit)
    {
        json.WriteStartObject();
        json.WriteStartArray("upserts");
        foreach (var signal in commit.Upserts)
        {
            json.WriteStartObject();
            json.WriteNumber("id", signal.Id.Value);
            json.WriteNumber("youth", signal.Youth.Value);
            json.WriteNumber("organisation", signal.Organisation.Value);
            json.WriteNumber("reporter", signal.Reporter.Value);
            json.WriteNumber("registeredTicks", signal.RegisteredTicks);
            json.WriteNumber("dayNumber", signal.DayNumber);
            json.WriteNumber("expiry", (int)signal.Expiry);
            json.WriteNumber("state", (int)signal.State);
            json.WriteBoolean("offeredAsMatch", signal.OfferedAsMatch);
            if (signal.AgeLimitDayNumber is { } ageLimit)
            {
                json.WriteNumber("ageLimitDayNumber", ageLimit);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("erasures");
        foreach (var erased in commit.Erasures)
        {
            json.WriteNumberValue(erased.Value);
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (var e in commit.Events)
        {
            json.WriteStartObject();
            json.WriteNumber("signal", e.Signal.Value);
            if (e.OtherSignal is { } other)
            {
                json.WriteNumber("otherSignal", other.Value);
            }

            json.WriteString("type", e.Type);
            json.WriteNumber("schemaVersion", e.SchemaVersion);
            json.WriteString("occurredAt", Instants.Format(e.OccurredAt));
            json.WriteString("json", e.Json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("idempotencyKeys");
        foreach (var key in commit.IdempotencyKeys)
        {
            json.WriteStartObject();
            json.WriteString("key", key.Key);
            json.WriteString("at", Instants.Format(key.At));
            json.WriteStartArray("signals");
            foreach (var signal in key.Signals)
            {
                json.WriteNumberValue(signal.Value);
            }

            json.WriteEndArray();
            json.WriteNumber("schemaVersion", key.SchemaVersion);
            json.WriteString("json", key.Json);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("forgetIdempotencyKeys");
        foreach (var key in commit.ForgetIdempotencyKeys)
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        if (commit.ForgetIdempotencyKeysUpTo is { } forget)
        {
            json.WriteString("forgetIdempotencyKeysUpTo", Instants.Format(forget));
        }

        json.WriteEndObject();
    }

    private static SignalCommit ReadSignalCommit(JsonElement json) =>
        new(
            [.. json.GetProperty("upserts").EnumerateArray().Select(s => new StoredSignal(
                new SignalId(s.GetProperty("id").GetInt64()),
                YouthKey.FromStored(s.GetProperty("youth").GetInt32()),
                new OrganisationId(s.GetProperty("organisation").GetInt32()),
                new ProfessionalId(s.GetProperty("reporter").GetInt32()),
                s.GetProperty("registeredTicks").GetInt64(),
                s.GetProperty("dayNumber").GetInt32(),
                (SignalExpiry)s.GetProperty("expiry").GetInt32(),
                (StoredSignalState)s.GetProperty("state").GetInt32(),
                s.GetProperty("offeredAsMatch").GetBoolean())
            {
                AgeLimitDayNumber = s.TryGetProperty("ageLimitDayNumber", out var ageLimit) ? ageLimit.GetInt32() : null,
            })],
            [.. json.GetProperty("erasures").EnumerateArray().Select(e => new SignalId(e.GetInt64()))],
            [.. json.GetProperty("events").EnumerateArray().Select(e => new StoredEvent(
                new SignalId(e.GetProperty("signal").GetInt64()),
                e.TryGetProperty("otherSignal", out var other) ? new SignalId(other.GetInt64()) : null,
                e.GetProperty("type").GetString()!,
                e.GetProperty("schemaVersion").GetInt32(),
                ReadInstant(e.GetProperty("occurredAt")),
                e.GetProperty("json").GetString()!))])
        {
            IdempotencyKeys = [.. json.GetProperty("idempotencyKeys").EnumerateArray().Select(k => new StoredIdempotencyKey(
                k.GetProperty("key").GetString()!,
                ReadInstant(k.GetProperty("at")),
                [.. k.GetProperty("signals").EnumerateArray().Select(s => new SignalId(s.GetInt64()))],
                k.GetProperty("schemaVersion").GetInt32(),
                k.GetProperty("json").GetString()!))],
            ForgetIdempotencyKeys = [.. json.GetProperty("forgetIdempotencyKeys").EnumerateArray().Select(k => k.GetString()!)],
            ForgetIdempotencyKeysUpTo = json.TryGetProperty("forgetIdempotencyKeysUpTo", out var forget) ? ReadInstant(forget) : null,
        };

    private static void Write(Utf8JsonWriter json, StoredFamily family)
    {
        json.WriteStartObject();
        json.WriteNumber("id", family.Id.Value);
        WriteKeys(json, "youths", family.Youths);
        WriteKeys(json, "carers", family.Carers);
        if (family.Address is { } address)
        {
            json.WriteString("address", address.Value);
        }

        if (family.Municipality is { } municipality)
        {
            json.WriteNumber("municipality", municipality.Value);
        }

        json.WriteEndObject();
    }

    private static StoredFamily ReadFamily(JsonElement json) =>
        new(new FamilyId(json.GetProperty("id").GetInt32()), ReadKeys(json.GetProperty("youths")), ReadKeys(json.GetProperty("carers")))
        {
            Address = json.TryGetProperty("address", out var address) ? AddressKey.FromStored(address.GetString()!) : null,
            Municipality = json.TryGetProperty("municipality", out var municipality) ? MunicipalityCode.FromNumber(municipality.GetInt32()) : null,
        };

    private static void WriteKeys(Utf8JsonWriter json, string name, IReadOnlyList<YouthKey> keys)
    {
        json.WriteStartArray(name);
        foreach (var key in keys)
        {
            json.WriteNumberValue(key.Value);
        }

        json.WriteEndArray();
    }

    private static YouthKey[] ReadKeys(JsonElement json) => [.. json.EnumerateArray().Select(k => YouthKey.FromStored(k.GetInt32()))];

    private static void Write(Utf8JsonWriter json, StreamEvent e)
    {
        json.WriteStartObject();
        json.WriteString("type", e.Type);
        json.WriteNumber("schemaVersion", e.SchemaVersion);
        json.WriteString("at", Instants.Format(e.At));
        json.WriteString("json", e.Json);
        json.WriteEndObject();
    }

    private static StreamEvent ReadStreamEvent(JsonElement json) =>
        new(json.GetProperty("type").GetString()!, json.GetProperty("schemaVersion").GetInt32(), ReadInstant(json.GetProperty("at")), json.GetProperty("json").GetString()!);

    private static void Write(Utf8JsonWriter json, AuditRecord record)
    {
        json.WriteStartObject();
        json.WriteNumber("sequence", record.Sequence);
        json.WriteString("at", Instants.Format(record.At));
        json.WriteString("userId", record.UserId);
        json.WriteNumber("role", (int)record.Role);
        if (record.Organisation is { } organisation)
        {
            json.WriteNumber("organisation", organisation.Value);
        }

        json.WriteString("system", record.System);
        if (!record.Subject.IsDefault)
        {
            json.WriteString("subject", record.Subject.Value);
        }

        json.WriteNumber("action", (int)record.Action);
        json.WriteNumber("data", (int)record.Data);
        json.WriteString("detail", record.Detail);
        if (record.Basis is { } basis)
        {
            json.WriteNumber("basis", (int)basis);
        }

        if (record.BasisReference is { } reference)
        {
            json.WriteString("basisReference", reference);
        }

        json.WriteBoolean("flaggedForReview", record.FlaggedForReview);
        json.WriteString("previousHash", record.PreviousHash);
        json.WriteString("hash", record.Hash);
        json.WriteEndObject();
    }

    private static AuditRecord ReadAuditRecord(JsonElement json) =>
        new(
            json.GetProperty("sequence").GetInt64(),
            ReadInstant(json.GetProperty("at")),
            json.GetProperty("userId").GetString()!,
            (ActorRole)json.GetProperty("role").GetInt32(),
            json.TryGetProperty("organisation", out var organisation) ? new OrganisationId(organisation.GetInt32()) : null,
            json.GetProperty("system").GetString()!,
            json.TryGetProperty("subject", out var subject) ? PersonPseudonym.Parse(subject.GetString()!) : default,
            (AuditAction)json.GetProperty("action").GetInt32(),
            (DataCategory)json.GetProperty("data").GetInt32(),
            json.GetProperty("detail").GetString()!,
            json.TryGetProperty("basis", out var basis) ? (AccessBasis)basis.GetInt32() : null,
            json.TryGetProperty("basisReference", out var reference) ? reference.GetString() : null,
            json.GetProperty("flaggedForReview").GetBoolean(),
            json.GetProperty("previousHash").GetString()!,
            json.GetProperty("hash").GetString()!);

    private static Instant ReadInstant(JsonElement json) => Instants.Parse(json.GetString()!).Value;
}
