using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Privacy;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Availability;

/// <summary>What a mutated store must do when the index loads it.</summary>
public enum LoadOutcome
{
    /// <summary>Load, and hand the index exactly the mutated rows.</summary>
    Loads,

    /// <summary>Refuse with <see cref="CorruptStoredDataException"/>.</summary>
    Refused,

    /// <summary>Refuse with <see cref="UnsupportedSchemaVersionException"/>.</summary>
    Unsupported,
}

/// <summary>How one store keeps its columns: which values a column can hold at all.</summary>
/// <param name="AnyTypeInAnyColumn">Whether a column can hold a value of another kind (SQLite) or the server refuses it (PostgreSQL).</param>
/// <param name="Table">The qualified name of a table.</param>
/// <param name="Holds">Whether a column can hold an integer.</param>
/// <param name="JsonIsNormalised">Whether the store gives JSON back in its own form (jsonb) rather than as written.</param>
public sealed record StoreDialect(bool AnyTypeInAnyColumn, Func<string, string> Table, Func<string, long, bool> Holds, bool JsonIsNormalised);

/// <summary>One change to one stored row, as SQL, with what the load must then do and, when it loads, what it must hand over.</summary>
public sealed record RowMutation(string Description, string Sql, LoadOutcome Outcome, StoredModel After)
{
    public override string ToString() => $"{Description} (expects {Outcome})";
}

/// <summary>The rows a written store holds, read once, as plain values: the model a mutated load is compared to.</summary>
public sealed record StoredModel(
    IReadOnlyList<long[]> Signals,
    IReadOnlyList<long[]> FamilyMembers,
    IReadOnlyList<(string Key, long At, long Version, string Json)> Keys,
    IReadOnlyList<(long Sequence, long Signal, long? Other, string Type)> Events)
{
    public static readonly string[] SignalColumns = ["id", "youth", "organisation", "reporter", "registered_ticks", "route", "day", "expiry", "state", "offered", "schema_version"];

    public static readonly string[] FamilyColumns = ["family_id", "position", "role", "member"];

    /// <summary>Reads the model from a store through plain SQL.</summary>
    public static StoredModel Read(Func<string, List<object?[]>> query, StoreDialect dialect) => new(
        [.. query($"SELECT {string.Join(", ", SignalColumns)} FROM {dialect.Table("signals")} ORDER BY id").Select(r => r.Select(Number).ToArray())],
        [.. query($"SELECT {string.Join(", ", FamilyColumns)} FROM {dialect.Table("family_members")} ORDER BY family_id, position").Select(r => r.Select(Number).ToArray())],
        [.. query($"SELECT key, at_ticks, schema_version, {(dialect.JsonIsNormalised ? "answer::text" : "answer")} FROM {dialect.Table("idempotency_keys")} ORDER BY key").Select(r => (Text(r[0]), Number(r[1]), Number(r[2]), Text(r[3])))],
        [.. query($"SELECT sequence, signal_id, other_signal_id, type FROM {dialect.Table("events")} ORDER BY sequence").Select(r => (Number(r[0]), Number(r[1]), r[2] is null ? (long?)null : Number(r[2]), Text(r[3])))]);

    // A damaged file can hold bytes where text was written; the load does not read an event's type, so the model must
    // read such a value without failing itself (the marker can never be a type or JSON the SDK wrote).
    private static string Text(object? value) => value as string ?? "\u0000not text";

    // Likewise bytes, text or a real number where an integer was written: the load does not read the legacy route
    // column, so the model must read whatever a damaged file holds there without failing itself. In a column the load
    // reads, the load refuses such a value before the model is consulted, and the marker is no value the SDK writes.
    private static long Number(object? value) => value switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        long or int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => long.MinValue,
    };
}

/// <summary>The rows a load handed to the index, as comparable text.</summary>
public sealed class LoadedRows : IStoredIndexSink
{
    public List<string> Signals { get; } = [];

    public List<string> Families { get; } = [];

    public List<(string Key, long At, long Version, string Json)> Keys { get; } = [];

    public void Add(in StoredSignal signal) => Signals.Add(Describe(signal.Id.Value, signal.Youth.Value, signal.Organisation.Value, signal.Reporter.Value, signal.RegisteredTicks, signal.DayNumber, (long)signal.Expiry, (long)signal.State, signal.OfferedAsMatch ? 1 : 0));

    public void Add(StoredFamily family) => Families.Add($"{family.Id.Value}: {string.Join(',', family.Youths.Select(y => y.Value))} | {string.Join(',', family.Carers.Select(c => c.Value))}");

    public void Add(StoredIdempotencyKey key) => Keys.Add((key.Key, key.At.ToUnixTimeTicks(), key.SchemaVersion, key.Json));

    public static string Describe(params long[] columns) => string.Join('/', columns);
}

/// <summary>
/// Generates mutations of a written store's rows — a column set to a random or invalid value, a row deleted, a row
/// duplicated, an answer's JSON changed — and predicts, from the domain's rules, whether the load must refuse it or load
/// exactly the mutated rows.
/// </summary>
public static class StoredRowMutations
{
    /// <summary>The number of mutations per store; <c>CARECOORDINATION_LOAD_MUTATIONS</c> raises it for a longer run.</summary>
    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("CARECOORDINATION_LOAD_MUTATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 10_000 ? count : 10_000;

    private const long MaxYouth = 999_999_999;
    private static readonly long MinTicks = Instant.MinValue.ToUnixTimeTicks();
    private static readonly long MaxTicks = Instant.MaxValue.ToUnixTimeTicks();
    private static readonly long MaxDay = DateOnly.MaxValue.DayNumber;

    /// <summary>Writes a small region's worth of rows through the index: families, active and archived signals, matches, remembered answers.</summary>
    public static void Write(ISignalStore store)
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 11, 23, 10, 0));
        var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
        var youths = TestBsns.Generate(8, seed: 14);
        var carers = TestBsns.Generate(2, seed: 15);
        index.AddOrReplaceFamilyAsFeed(Family.Create(new FamilyId(1), [youths[0], youths[1]], [carers[0]]));
        index.AddOrReplaceFamilyAsFeed(Family.Create(new FamilyId(2), [youths[2], youths[3], youths[4]], [carers[1]]));
        OrganisationId[] organisations = [TestRegion.School, TestRegion.SocialWork, TestRegion.YouthHealthCare, TestRegion.YouthProtection];
        var today = new LocalDate(2026, 11, 23);
        void Register(int i, int o, string? key)
        {
            var registration = new SignalRegistration(new Youth(youths[i], today.PlusYears(-3 - i)), organisations[o], TestRegion.ReporterOf(organisations[o]), ReportingCriterion.SeriousUpbringingProblems);
            index.Register(key is null ? registration : registration.WithIdempotencyKey(key)).ThrowIfRefused();
            clock.Advance(Duration.FromMinutes(7));
        }

        // The first signals outlive their active period and go to the archive; the later ones stay active beside them.
        Register(0, 0, null);
        Register(1, 1, null);
        Register(7, 2, null);
        var months = (RegionPolicy.Default.ActivePeriod.Years * 12) + RegionPolicy.Default.ActivePeriod.Months;
        clock.Advance(Duration.FromDays((months * 31) + 2));
        index.ExpireDue();
        for (var i = 0; i < youths.Length; i++)
        {
            for (var o = 0; o <= i % organisations.Length; o++)
            {
                Register(i, o, i % 3 == 0 ? $"request-{i}-{o}" : null);
            }
        }
    }

    /// <summary>The generator of mutations of one written store.</summary>
    public static Gen<RowMutation> Of(StoredModel model, StoreDialect dialect)
    {
        var signalGen = Gen.Choose(0, model.Signals.Count - 1).SelectMany(row => Gen.Choose(0, StoredModel.SignalColumns.Length - 1)
            .SelectMany(column => Values(dialect, StoredModel.SignalColumns[column], model)
                .Select(value => SetSignal(model, dialect, row, column, value))));
        var familyGen = Gen.Choose(0, model.FamilyMembers.Count - 1).SelectMany(row => Gen.Choose(0, StoredModel.FamilyColumns.Length - 1)
            .SelectMany(column => Values(dialect, StoredModel.FamilyColumns[column], model)
                .Select(value => SetFamilyMember(model, dialect, row, column, value))));
        var keyGen = Gen.Choose(0, model.Keys.Count - 1).SelectMany(row => Gen.Choose(0, 2)
            .SelectMany(column => Values(dialect, column == 0 ? "key_at" : "key_version", model)
                .Select(value => SetKey(model, dialect, row, column, value))));
        var answerGen = Gen.Choose(0, model.Keys.Count - 1).SelectMany(row => Gen.Choose(0, AnswerChanges.Length - 1).Select(change => ChangeAnswer(model, dialect, row, change)));
        var eventGen = Gen.Choose(0, model.Events.Count - 1).SelectMany(row => Gen.Elements(0L, -3L, 99_999L, model.Signals[0][0], model.Signals[^1][0]).SelectMany(value => Gen.Elements(true, false).Select(other => SetEventSignal(model, dialect, row, value, other))));
        var deleteGen = Gen.Choose(0, 3).SelectMany(table => Gen.Choose(0, 1000).Select(row => Delete(model, dialect, table, row)));
        var duplicateGen = Gen.Choose(0, 2).SelectMany(table => Gen.Choose(0, 1000).Select(row => Duplicate(model, dialect, table, row)));
        return Gen.Frequency(
            (40, signalGen),
            (15, familyGen),
            (10, keyGen),
            (10, answerGen),
            (8, eventGen),
            (9, deleteGen),
            (8, duplicateGen));
    }

    /// <summary>What the index must be handed after a load of <paramref name="model"/>'s rows.</summary>
    public static LoadedRows Expected(StoredModel model)
    {
        var rows = new LoadedRows();
        foreach (var s in model.Signals.OrderBy(s => s[0]))
        {
            // The route column is kept for rows written before; a signal holds no route, so the load reads none.
            rows.Signals.Add(LoadedRows.Describe([.. s[..5], .. s[6..10]]));
        }

        foreach (var family in model.FamilyMembers.OrderBy(m => m[0]).ThenBy(m => m[1]).GroupBy(m => m[0]))
        {
            rows.Families.Add($"{family.Key}: {string.Join(',', family.Where(m => m[2] == 0).Select(m => m[3]))} | {string.Join(',', family.Where(m => m[2] == 1).Select(m => m[3]))}");
        }

        rows.Keys.AddRange(model.Keys.OrderBy(k => k.Key, StringComparer.Ordinal));
        return rows;
    }

    /// <summary>Whether a load handed over exactly what the model predicts; JSON compared as documents.</summary>
    public static string? Difference(LoadedRows expected, LoadedRows actual)
    {
        if (!expected.Signals.SequenceEqual(actual.Signals))
        {
            return "signals differ:\nexpected " + string.Join("; ", expected.Signals) + "\nloaded   " + string.Join("; ", actual.Signals);
        }

        if (!expected.Families.SequenceEqual(actual.Families))
        {
            return "families differ:\nexpected " + string.Join("; ", expected.Families) + "\nloaded   " + string.Join("; ", actual.Families);
        }

        var keys = actual.Keys.OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        if (keys.Count != expected.Keys.Count
            || keys.Zip(expected.Keys).Any(p => p.First.Key != p.Second.Key || p.First.At != p.Second.At || p.First.Version != p.Second.Version
                || !JsonNode.DeepEquals(JsonNode.Parse(p.First.Json), JsonNode.Parse(p.Second.Json))))
        {
            return "idempotency keys differ: expected " + string.Join(", ", expected.Keys.Select(k => k.Key)) + "; loaded " + string.Join(", ", keys.Select(k => k.Key));
        }

        return null;
    }

    // The values a column is set to: ones the SDK could have written, boundaries on both sides, random numbers, and, where
    // the store keeps any value in any column, text, a real number and bytes.
    private static Gen<object> Values(StoreDialect dialect, string column, StoredModel model)
    {
        var plausible = column switch
        {
            "id" => Gen.Elements(model.Signals[^1][0] + 1, 9_000_000_000L, 0L, -1L),
            "youth" or "member" => Gen.OneOf(Gen.Elements(model.Signals.Select(s => s[1]).Concat(model.FamilyMembers.Select(m => m[3])).Distinct().ToArray()), Gen.Elements(1L, MaxYouth, MaxYouth + 1, 0L, -5L)),
            "organisation" or "reporter" => Gen.Elements(1L, 2L, 3L, 4L, 5L, 101L, int.MaxValue, 0L, -1L, (long)int.MaxValue + 1),
            "registered_ticks" or "key_at" => Gen.Elements(model.Signals[0][4], 0L, -1L, MinTicks, MaxTicks, MaxTicks + 1, MinTicks - 1, long.MaxValue, long.MinValue),
            "route" => Gen.Choose(-2, 8).Select(v => (long)v),
            "expiry" or "state" => Gen.Choose(-1, 4).Select(v => (long)v),
            "offered" => Gen.Choose(-1, 3).Select(v => (long)v),
            "day" => Gen.Elements(0L, 739_000L, MaxDay, MaxDay + 1, -1L, int.MaxValue),
            "schema_version" => Gen.Choose(-1, 7).Select(v => (long)v),
            "key_version" => Gen.Choose(-1, 3).Select(v => (long)v),
            "family_id" => Gen.Elements(1L, 2L, 3L, 0L, -1L, int.MaxValue),
            "position" => Gen.Elements(-1L, 50L, 51L, int.MaxValue),
            "role" => Gen.Choose(-1, 3).Select(v => (long)v),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        var numbers = Gen.OneOf(plausible, Gen.Choose(int.MinValue, int.MaxValue).Select(v => (long)v), Gen.Choose(-10, 10).Select(v => (long)v))
            .Where(v => dialect.Holds(column, v))
            .Select(v => (object)v);
        return dialect.AnyTypeInAnyColumn
            ? Gen.Frequency((9, numbers), (1, Gen.Elements<object>("abc", 2.5, new byte[] { 1, 2 })))
            : numbers;
    }

    private static RowMutation SetSignal(StoredModel model, StoreDialect dialect, int row, int column, object value)
    {
        var name = StoredModel.SignalColumns[column];
        var id = model.Signals[row][0];
        var literal = name == "offered" && !dialect.AnyTypeInAnyColumn && value is long flag ? (flag != 0 ? "true" : "false") : Literal(value);
        var sql = $"UPDATE {dialect.Table("signals")} SET {name} = {literal} WHERE id = {id}";
        var description = $"signal {id}: {name} = {literal}";
        if (name == "route")
        {
            // A signal holds no route any more: whatever the legacy column holds, the load ignores it.
            return Judge(description, sql, model);
        }

        if (value is not long number)
        {
            return new RowMutation(description, sql, LoadOutcome.Refused, model);
        }

        if (name == "id" && model.Signals.Any(s => s[0] == number))
        {
            number = model.Signals.Max(s => s[0]) + 1;
            sql = $"UPDATE {dialect.Table("signals")} SET id = {number} WHERE id = {id}";
            description = $"signal {id}: id = {number}";
        }

        var signals = model.Signals.Select((s, i) => i == row ? With(s, column, number) : s).ToList();
        return Judge(description, sql, model with { Signals = signals });
    }

    private static RowMutation SetFamilyMember(StoredModel model, StoreDialect dialect, int row, int column, object value)
    {
        var name = StoredModel.FamilyColumns[column];
        var (family, position) = (model.FamilyMembers[row][0], model.FamilyMembers[row][1]);
        var sql = $"UPDATE {dialect.Table("family_members")} SET {name} = {Literal(value)} WHERE family_id = {family} AND position = {position}";
        var description = $"family member {family}/{position}: {name} = {Literal(value)}";
        if (value is not long number)
        {
            return new RowMutation(description, sql, LoadOutcome.Refused, model);
        }

        var members = model.FamilyMembers.Select((m, i) => i == row ? With(m, column, number) : m).ToList();
        if (members.GroupBy(m => (m[0], m[1])).Any(g => g.Count() > 1))
        {
            // The primary key refuses it; move the row to a free position of its family instead.
            var free = model.FamilyMembers.Max(m => m[1]) + 1;
            sql = $"UPDATE {dialect.Table("family_members")} SET {name} = {number}, position = {free} WHERE family_id = {family} AND position = {position}";
            description += $", position = {free}";
            members = [.. model.FamilyMembers.Select((m, i) => i == row ? With(With(m, column, number), 1, free) : m)];
        }

        return Judge(description, sql, model with { FamilyMembers = members });
    }

    private static RowMutation SetKey(StoredModel model, StoreDialect dialect, int row, int column, object value)
    {
        var key = model.Keys[row];
        if (column == 2)
        {
            var renamed = value is long n ? $"renamed-{n}" : string.Empty;
            var keysAfter = model.Keys.Select((k, i) => i == row ? k with { Key = renamed } : k).ToList();
            return Judge($"key {key.Key}: key = '{renamed}'", $"UPDATE {dialect.Table("idempotency_keys")} SET key = '{renamed}' WHERE key = '{key.Key}'", model with { Keys = keysAfter });
        }

        var name = column == 0 ? "at_ticks" : "schema_version";
        var sql = $"UPDATE {dialect.Table("idempotency_keys")} SET {name} = {Literal(value)} WHERE key = '{key.Key}'";
        var description = $"key {key.Key}: {name} = {Literal(value)}";
        if (value is not long number)
        {
            return new RowMutation(description, sql, LoadOutcome.Refused, model);
        }

        var keys = model.Keys.Select((k, i) => i != row ? k : column == 0 ? k with { At = number } : k with { Version = number }).ToList();
        return Judge(description, sql, model with { Keys = keys });
    }

    // Changes to a remembered answer's JSON, each with whether the SDK could have written the result.
    private static readonly (string Name, Func<JsonNode, string> Change, bool Sound)[] AnswerChanges =
    [
        ("an empty object", _ => "{}", false),
        ("a truncated document", n => n.ToJsonString()[..(n.ToJsonString().Length / 2)], false),
        ("not JSON", _ => "no answer here", false),
        ("an array", _ => "[1, 2]", false),
        ("the outcome Refused", n => Set(n, a => a["Outcome"] = 0), false),
        ("an outcome number 7", n => Set(n, a => a["Outcome"] = 7), false),
        ("youth 0", n => Set(n, a => a["Youth"] = 0), false),
        ("the signal's identifier -4", n => Set(n, a => a["Signal"]!["Id"] = -4), false),
        ("a route, as answers written before held one", n => Set(n, a => a["Signal"]!["Route"] = "CareNetwork"), true),
        ("the signal of another youth", n => Set(n, a => a["Signal"]!["Youth"] = (int)a["Youth"]! == 1 ? 2 : 1), false),
        ("no matches list", n => Set(n, a => a.AsObject().Remove("Matches")), false),
        ("a match of an undefined kind", n => Set(n, a => a["Matches"] = new JsonArray(new JsonObject { ["Kind"] = 42, ["Other"] = a["Signal"]!.DeepClone(), ["MatchCoordinator"] = 1, ["FoundAt"] = "2026-11-23T10:00:00Z" })), false),
        ("another reporter", n => Set(n, a => a["Signal"]!["Reporter"] = 402), true),
        ("another registration time", n => Set(n, a => a["Signal"]!["RegisteredTicks"] = 17_000_000_000_000_000L), true),
        ("the outcome Renewed", n => Set(n, a => a["Outcome"] = 2), true),
        ("the outcome as a word", n => Set(n, a => a["Outcome"] = "Renewed"), true),
    ];

    private static RowMutation ChangeAnswer(StoredModel model, StoreDialect dialect, int row, int change)
    {
        var key = model.Keys[row];
        var (name, transform, sound) = AnswerChanges[change];
        var json = transform(JsonNode.Parse(key.Json)!);
        var literal = "'" + json.Replace("'", "''", StringComparison.Ordinal) + "'";
        var sql = $"UPDATE {dialect.Table("idempotency_keys")} SET answer = {literal} WHERE key = '{key.Key}'";
        if (!sound)
        {
            // jsonb refuses text that is not JSON; the store then never holds it.
            return new RowMutation($"key {key.Key}: answer with {name}", sql, LoadOutcome.Refused, model);
        }

        var keys = model.Keys.Select((k, i) => i == row ? k with { Json = json } : k).ToList();
        return Judge($"key {key.Key}: answer with {name}", sql, model with { Keys = keys });
    }

    private static RowMutation SetEventSignal(StoredModel model, StoreDialect dialect, int row, long value, bool other)
    {
        var e = model.Events[row];
        var column = other ? "other_signal_id" : "signal_id";
        var sql = $"UPDATE {dialect.Table("events")} SET {column} = {value} WHERE sequence = {e.Sequence}";
        var events = model.Events.Select((x, i) => i != row ? x : other ? x with { Other = value } : x with { Signal = value }).ToList();
        return Judge($"event {e.Sequence}: {column} = {value}", sql, model with { Events = events });
    }

    private static RowMutation Delete(StoredModel model, StoreDialect dialect, int table, int pick)
    {
        switch (table)
        {
            case 0:
                var id = model.Signals[pick % model.Signals.Count][0];
                return Judge($"delete signal {id}", $"DELETE FROM {dialect.Table("signals")} WHERE id = {id}", model with { Signals = [.. model.Signals.Where(s => s[0] != id)] });
            case 1:
                var m = model.FamilyMembers[pick % model.FamilyMembers.Count];
                return Judge($"delete family member {m[0]}/{m[1]}", $"DELETE FROM {dialect.Table("family_members")} WHERE family_id = {m[0]} AND position = {m[1]}", model with { FamilyMembers = [.. model.FamilyMembers.Where(x => x != m)] });
            case 2:
                var k = model.Keys[pick % model.Keys.Count];
                return Judge($"delete key {k.Key}", $"DELETE FROM {dialect.Table("idempotency_keys")} WHERE key = '{k.Key}'", model with { Keys = [.. model.Keys.Where(x => x != k)] });
            default:
                var e = model.Events[pick % model.Events.Count];
                return Judge($"delete event {e.Sequence}", $"DELETE FROM {dialect.Table("events")} WHERE sequence = {e.Sequence}", model with { Events = [.. model.Events.Where(x => x != e)] });
        }
    }

    private static RowMutation Duplicate(StoredModel model, StoreDialect dialect, int table, int pick)
    {
        switch (table)
        {
            case 0:
                var s = model.Signals[pick % model.Signals.Count];
                var id = model.Signals.Max(x => x[0]) + 1;
                var columns = string.Join(", ", StoredModel.SignalColumns);
                var sql = $"INSERT INTO {dialect.Table("signals")} ({columns}) SELECT {id}, {string.Join(", ", StoredModel.SignalColumns.Skip(1))} FROM {dialect.Table("signals")} WHERE id = {s[0]}";
                return Judge($"duplicate signal {s[0]} as {id}", sql, model with { Signals = [.. model.Signals, With(s, 0, id)] });
            case 1:
                var m = model.FamilyMembers[pick % model.FamilyMembers.Count];
                var position = model.FamilyMembers.Max(x => x[1]) + 1;
                return Judge(
                    $"duplicate family member {m[0]}/{m[1]} at {position}",
                    $"INSERT INTO {dialect.Table("family_members")} (family_id, position, role, member) SELECT family_id, {position}, role, member FROM {dialect.Table("family_members")} WHERE family_id = {m[0]} AND position = {m[1]}",
                    model with { FamilyMembers = [.. model.FamilyMembers, With(m, 1, position)] });
            default:
                var k = model.Keys[pick % model.Keys.Count];
                return Judge(
                    $"duplicate key {k.Key}",
                    $"INSERT INTO {dialect.Table("idempotency_keys")} (key, at_ticks, schema_version, answer) SELECT key || '-copy', at_ticks, schema_version, answer FROM {dialect.Table("idempotency_keys")} WHERE key = '{k.Key}'",
                    model with { Keys = [.. model.Keys, k with { Key = k.Key + "-copy" }] });
        }
    }

    /// <summary>
    /// Loads a mutated store and holds the load to the prediction: a refusal must be the typed exception naming the
    /// table and never a person's number; a load must hand over exactly the mutated rows.
    /// </summary>
    public static LoadOutcome Verify(RowMutation mutation, StoredModel written, Func<LoadedRows> load)
    {
        LoadedRows loaded;
        try
        {
            loaded = load();
        }
        catch (CorruptStoredDataException e) when (mutation.Outcome == LoadOutcome.Refused)
        {
            var persons = written.Signals.Select(s => s[1]).Concat(written.FamilyMembers.Select(m => m[3])).Select(n => n.ToString("D9", CultureInfo.InvariantCulture));
            That(e.Table.Length > 0 && e.RowKey.Length > 0 && e.Message.Contains(e.Table, StringComparison.Ordinal), $"{mutation}: the refusal names no table or row: {e.Message}");
            That(!persons.Any(p => e.Message.Contains(p, StringComparison.Ordinal)), $"{mutation}: the refusal shows a person's number: {e.Message}");
            return LoadOutcome.Refused;
        }
        catch (UnsupportedSchemaVersionException) when (mutation.Outcome == LoadOutcome.Unsupported)
        {
            return LoadOutcome.Unsupported;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{mutation}: the load threw {e.GetType().Name}: {e.Message}");
        }

        That(mutation.Outcome == LoadOutcome.Loads, $"{mutation}: the load succeeded silently");
        var difference = Difference(Expected(mutation.After), loaded);
        That(difference is null, $"{mutation}: the load handed over other rows than the store holds: {difference}");
        return LoadOutcome.Loads;
    }

    /// <summary>What a load of these rows must do, by the domain's rules written out here apart from the SDK's own checks.</summary>
    public static LoadOutcome OutcomeOf(StoredModel rows) => Judge(string.Empty, string.Empty, rows).Outcome;

    private static RowMutation Judge(string description, string sql, StoredModel after)
    {
        var newer = after.Signals.Any(s => s[10] > SignalSchemaVersion) || after.Keys.Any(k => k.Version > 1);
        // An event may name a missing signal only when a removal's logbook line names it.
        var ids = after.Signals.Select(s => s[0]).Concat(after.Events.Where(e => e.Type == "SignalRemoved").Select(e => e.Signal)).ToHashSet();
        var sound =
            after.Signals.All(SoundSignal)
            && after.Signals.Where(s => s[8] == 1).GroupBy(s => (s[2], s[1])).All(NoOverlap)
            && after.FamilyMembers.All(m => m[0] is >= 1 and <= int.MaxValue && m[1] >= 0 && m[2] is 0 or 1 && m[3] is >= 1 and <= MaxYouth)
            && after.FamilyMembers.GroupBy(m => (m[0], m[3])).All(g => g.Count() == 1)
            && after.Keys.All(k => k.Key.Length > 0 && k.At >= MinTicks && k.At <= MaxTicks && k.Version >= 1)
            && after.Events.All(e => ids.Contains(e.Signal) && (e.Other is null || ids.Contains(e.Other.Value)));
        var outcome = newer && after.Signals.All(s => s[10] >= 1) ? LoadOutcome.Unsupported
            : newer ? LoadOutcome.Refused
            : sound ? LoadOutcome.Loads
            : LoadOutcome.Refused;
        return new RowMutation(description, sql, outcome, after);
    }

    /// <summary>The schema version both stores write into a signal's row.</summary>
    public const long SignalSchemaVersion = 6;

    // An organisation may register again for a youth once its signal's end date passed, before the daily run archived
    // it: active rows of one organisation for one youth may not overlap by more than the day a time zone accounts for.
    private static bool NoOverlap(IEnumerable<long[]> active)
    {
        var periods = active.Select(s => (From: (s[4] / TimeSpan.TicksPerDay) - (s[4] % TimeSpan.TicksPerDay < 0 ? 1 : 0) + 719_162, Until: s[6])).ToList();
        return periods.SelectMany((a, i) => periods.Skip(i + 1).Select(b => (a, b))).All(p => Math.Min(p.a.Until, p.b.Until) <= Math.Max(p.a.From, p.b.From) + 1);
    }

    private static bool SoundSignal(long[] s) =>
        s[0] > 0 && s[1] is >= 1 and <= MaxYouth && s[2] is >= 1 and <= int.MaxValue && s[3] is >= 1 and <= int.MaxValue
        && s[4] >= MinTicks && s[4] <= MaxTicks && s[6] >= 0 && s[6] <= MaxDay && s[7] is 1 or 2
        && s[8] is 1 or 2 && s[9] is 0 or 1 && s[10] >= 1;

    private static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new Xunit.Sdk.XunitException(message);
        }
    }

    private static long[] With(long[] row, int column, long value)
    {
        var copy = (long[])row.Clone();
        copy[column] = value;
        return copy;
    }

    private static string Set(JsonNode answer, Action<JsonNode> change)
    {
        change(answer);
        return answer.ToJsonString();
    }

    private static string Literal(object value) => value switch
    {
        long n => n.ToString(CultureInfo.InvariantCulture),
        string text => $"'{text}'",
        double real => real.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => "x'" + Convert.ToHexString(bytes) + "'",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
