using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>
/// Checks every row a relational store reads while the index loads, before the index sees it: enum values that are
/// defined, numbers in range, schema versions this SDK reads, one active signal per organisation and youth, remembered
/// answers that name plausible signals, and family members that appear once. A damaged row stops the load with
/// <see cref="CorruptStoredDataException"/>, or, under <see cref="CorruptRowHandling.Quarantine"/>, is skipped and
/// reported in <see cref="Quarantined"/>. The SQLite and PostgreSQL stores share it, so that both refuse the same rows.
/// </summary>
/// <remarks>
/// Not thread-safe: use one instance per load. The check of one active signal per organisation and youth keeps an entry
/// of about forty bytes per active signal until the load ends.
/// </remarks>
public sealed partial class StoredRowValidator
{
    /// <summary>The table of signals.</summary>
    public const string SignalsTable = "signals";

    /// <summary>The table of family members.</summary>
    public const string FamilyMembersTable = "family_members";

    /// <summary>The table of families' address keys.</summary>
    public const string FamilyAddressesTable = "family_addresses";

    /// <summary>The table of remembered idempotency keys.</summary>
    public const string IdempotencyKeysTable = "idempotency_keys";

    /// <summary>The table of events about signals.</summary>
    public const string EventsTable = "events";

    /// <summary>The table of the streams of cases, plans and consents.</summary>
    public const string StreamEventsTable = StoredRowKeys.StreamEventsTable;

    /// <summary>The table of audit records.</summary>
    public const string AuditRecordsTable = "audit_records";

    private const int MaxYouthKey = 999_999_999;

    private static readonly long MinTicks = Instant.MinValue.ToUnixTimeTicks();
    private static readonly long MaxTicks = Instant.MaxValue.ToUnixTimeTicks();
    private static readonly int MaxDay = DateOnly.MaxValue.DayNumber;

    private readonly List<QuarantinedRow> _quarantined = [];
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    // Per organisation and youth, the active period (registration day, end day) that ends last among the rows read.
    private readonly Dictionary<long, (long From, long Until)> _activePairs = [];
    private readonly HashSet<int> _familyMembers = [];
    private long _family = -1;

    /// <summary>Initializes a validator for one load.</summary>
    /// <param name="handling">Whether a damaged row stops the load or is skipped and reported.</param>
    public StoredRowValidator(CorruptRowHandling handling)
    {
        if (!Enum.IsDefined(handling))
        {
            throw new ArgumentOutOfRangeException(nameof(handling), handling, "Choose Stop or Quarantine.");
        }

        Handling = handling;
    }

    /// <summary>Gets whether a damaged row stops the load or is skipped and reported.</summary>
    public CorruptRowHandling Handling { get; }

    /// <summary>Gets the rows skipped so far, in the order they were read.</summary>
    public IReadOnlyList<QuarantinedRow> Quarantined => _quarantined;

    /// <summary>
    /// Refuses one row: throws under <see cref="CorruptRowHandling.Stop"/>; records it under
    /// <see cref="CorruptRowHandling.Quarantine"/>.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="rowKey">The row's key; never a person's number.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="cause">What the driver or the JSON reader threw, if anything.</param>
    /// <returns>Always <see langword="false"/>, so that a reader can return it as "skip this row".</returns>
    /// <exception cref="CorruptStoredDataException">The handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    public bool Refuse(string table, string rowKey, string problem, Exception? cause)
    {
        var row = new QuarantinedRow(table, rowKey, problem);
        if (Handling == CorruptRowHandling.Stop)
        {
            throw new CorruptStoredDataException(row, cause);
        }

        _quarantined.Add(row);
        return false;
    }

    /// <summary>Checks the schema version a row was written under, against the highest this store reads.</summary>
    /// <param name="table">The table.</param>
    /// <param name="rowKey">The row's key.</param>
    /// <param name="version">The row's schema version.</param>
    /// <param name="supported">The highest schema version this version of the store reads.</param>
    /// <returns>Whether the version is one this SDK reads; <see langword="false"/> when the row was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The version is not positive and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">A newer version of the SDK wrote the row; such a row is never skipped.</exception>
    public bool TryAcceptSchemaVersion(string table, string rowKey, long version, int supported)
    {
        if (version > supported)
        {
            throw new UnsupportedSchemaVersionException($"{table} row {rowKey}", (int)Math.Min(version, int.MaxValue), supported);
        }

        return version >= 1 || Refuse(table, rowKey, $"its schema version {Number(version)} is not positive", null);
    }

    /// <summary>Checks one signal row, as the store's columns hold it.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="youth">The youth's key.</param>
    /// <param name="organisation">The reporting organisation.</param>
    /// <param name="reporter">The contact professional.</param>
    /// <param name="registeredTicks">When it was made or renewed, as Unix ticks.</param>
    /// <param name="day">The expiry or archive date's day number.</param>
    /// <param name="expiry">Why it will expire.</param>
    /// <param name="state">Active (1) or archived (2).</param>
    /// <param name="offered">Whether an archived signal was offered as a match: 0 or 1.</param>
    /// <param name="signal">The signal, when the row is sound.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    public bool TryAcceptSignal(long id, long youth, long organisation, long reporter, long registeredTicks, long day, long expiry, long state, long offered, out StoredSignal signal) =>
        TryAcceptSignal(id, youth, organisation, reporter, registeredTicks, day, expiry, state, offered, null, out signal);

    /// <summary>Checks one signal row, as the store's columns hold it.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="youth">The youth's key.</param>
    /// <param name="organisation">The reporting organisation.</param>
    /// <param name="reporter">The contact professional.</param>
    /// <param name="registeredTicks">When it was made or renewed, as Unix ticks.</param>
    /// <param name="day">The expiry or archive date's day number.</param>
    /// <param name="expiry">Why it will expire.</param>
    /// <param name="state">Active (1) or archived (2).</param>
    /// <param name="offered">Whether an archived signal was offered as a match: 0 or 1.</param>
    /// <param name="ageLimitDay">The day number on which the youth reaches the age limit, when the row keeps it (schema version 6); <see langword="null"/> otherwise.</param>
    /// <param name="signal">The signal, when the row is sound.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    public bool TryAcceptSignal(long id, long youth, long organisation, long reporter, long registeredTicks, long day, long expiry, long state, long offered, long? ageLimitDay, out StoredSignal signal)
    {
        signal = default;
        var key = Number(id);
        var problem = id <= 0 ? "its identifier is not positive"
            : youth is < 1 or > MaxYouthKey ? "its youth key is outside 1 to 999,999,999"
            : organisation is < 1 or > int.MaxValue ? $"its organisation {Number(organisation)} is not a positive identifier"
            : reporter is < 1 or > int.MaxValue ? $"its reporter {Number(reporter)} is not a positive identifier"
            : registeredTicks < MinTicks || registeredTicks > MaxTicks ? $"its registration time {Number(registeredTicks)} is not an instant"
            : day is < 0 || day > MaxDay ? $"its day {Number(day)} is not a date"
            : !IsDefined<SignalExpiry>(expiry) ? $"its expiry {Number(expiry)} is not a defined expiry"
            : !IsDefined<StoredSignalState>(state) ? $"its state {Number(state)} is neither active (1) nor archived (2)"
            : offered is not (0 or 1) ? $"its offered flag {Number(offered)} is neither 0 nor 1"
            : ageLimitDay is < 0 || ageLimitDay > MaxDay ? $"its age-limit day {Number(ageLimitDay.Value)} is not a date"
            : null;
        if (problem is not null)
        {
            return Refuse(SignalsTable, key, problem, null);
        }

        if (state == (long)StoredSignalState.Active && !TryAcceptActivePeriod((organisation << 32) | youth, registeredTicks, day))
        {
            return Refuse(SignalsTable, key, $"it is a second active signal of organisation {Number(organisation)} for the same youth", null);
        }

        signal = new StoredSignal(
            new SignalId(id),
            YouthKey.FromStored((int)youth),
            new OrganisationId((int)organisation),
            new ProfessionalId((int)reporter),
            registeredTicks,
            (int)day,
            (SignalExpiry)expiry,
            (StoredSignalState)state,
            offered == 1)
        {
            AgeLimitDayNumber = (int?)ageLimitDay,
        };
        return true;
    }

    // A signal past its end date stays active in the store until the daily expiry run archives it, and the organisation
    // may register again in between; two active rows of one organisation for one youth are sound only when their active
    // periods do not overlap. The registration day is the UTC one, so a day's margin covers the region's time zone.
    private bool TryAcceptActivePeriod(long pair, long registeredTicks, long day)
    {
        var from = Math.DivRem(registeredTicks, TimeSpan.TicksPerDay, out var rest) + UnixEpochDay - (rest < 0 ? 1 : 0);
        if (_activePairs.TryGetValue(pair, out var other))
        {
            if (Math.Min(other.Until, day) > Math.Max(other.From, from) + 1)
            {
                return false;
            }

            if (other.Until >= day)
            {
                return true;
            }
        }

        _activePairs[pair] = (from, day);
        return true;
    }

    /// <summary>Checks one family member row; the rows come in the order of family and position.</summary>
    /// <param name="family">The family's identifier.</param>
    /// <param name="position">The member's position in the family.</param>
    /// <param name="role">Youth (0) or carer (1).</param>
    /// <param name="member">The member's key.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    public bool TryAcceptFamilyMember(long family, long position, long role, long member)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{family}/{position}");
        if (family != _family)
        {
            _family = family;
            _familyMembers.Clear();
        }

        var problem = family is < 1 or > int.MaxValue ? "its family identifier is not positive"
            : position is < 0 or > int.MaxValue ? "its position is negative"
            : role is not (StoredFamilyRows.YouthRole or StoredFamilyRows.CarerRole) ? $"its role {Number(role)} is neither youth (0) nor carer (1)"
            : member is < 1 or > MaxYouthKey ? "its member key is outside 1 to 999,999,999"
            : !_familyMembers.Add((int)member) ? "it names a member the family already has"
            : null;
        return problem is null || Refuse(FamilyMembersTable, key, problem, null);
    }

    /// <summary>Checks one row of a family's address, and reads the key.</summary>
    /// <param name="family">The family's identifier.</param>
    /// <param name="address">The address key's text.</param>
    /// <param name="key">The address key, when the row is sound.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    public bool TryAcceptFamilyAddress(long family, string? address, out AddressKey key)
    {
        key = default;
        var problem = family is < 1 or > int.MaxValue ? "its family identifier is not positive"
            : !AddressKey.TryParse(address, out key) && !AddressKey.TryParseKeyed(address, out key) ? "its address is not an address key"
            : null;
        return problem is null || Refuse(FamilyAddressesTable, family.ToString(CultureInfo.InvariantCulture), problem, null);
    }

    /// <summary>Checks one row of a family's address with the municipality of the address (schema version 5), and reads both.</summary>
    /// <param name="family">The family's identifier.</param>
    /// <param name="address">The address key's text.</param>
    /// <param name="municipality">The municipality code's number, or <see langword="null"/> when the row has none.</param>
    /// <param name="key">The address key, when the row is sound.</param>
    /// <param name="code">The municipality, when the row is sound and has one.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    public bool TryAcceptFamilyAddress(long family, string? address, long? municipality, out AddressKey key, out MunicipalityCode? code)
    {
        code = null;
        if (!TryAcceptFamilyAddress(family, address, out key))
        {
            return false;
        }

        if (municipality is null)
        {
            return true;
        }

        if (municipality is < 1 or > 9999)
        {
            key = default;
            return Refuse(FamilyAddressesTable, family.ToString(CultureInfo.InvariantCulture), "its municipality is not a code from 1 to 9999", null);
        }

        code = MunicipalityCode.FromNumber((int)municipality.Value);
        return true;
    }

    /// <summary>Checks one event row's own columns; whether its signals exist, the store checks with a query.</summary>
    /// <param name="rowKey">The row's key, such as its sequence number.</param>
    /// <param name="signal">The signal it is about.</param>
    /// <param name="otherSignal">For a match, the other signal.</param>
    /// <param name="type">The event type.</param>
    /// <param name="schemaVersion">The schema version of its JSON.</param>
    /// <param name="occurredTicks">When it happened, as Unix ticks.</param>
    /// <param name="json">The event as JSON.</param>
    /// <param name="stored">The event, when the row is sound.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">A newer version of the SDK wrote the event.</exception>
    public bool TryAcceptEvent(string rowKey, long signal, long? otherSignal, string type, long schemaVersion, long occurredTicks, string json, out StoredEvent? stored)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rowKey);
        stored = null;
        if (schemaVersion > EventDocuments.SchemaVersion && schemaVersion <= int.MaxValue)
        {
            throw new UnsupportedSchemaVersionException(type, (int)schemaVersion, EventDocuments.SchemaVersion);
        }

        var problem = signal <= 0 ? "its signal is not a positive identifier"
            : otherSignal is <= 0 ? "its other signal is not a positive identifier"
            : type.Length == 0 ? "its type is empty"
            : schemaVersion < 1 ? $"its schema version {Number(schemaVersion)} is not one the SDK writes"
            : occurredTicks < MinTicks || occurredTicks > MaxTicks ? $"its time {Number(occurredTicks)} is not an instant"
            : !IsJsonObject(json) ? "its payload is not a JSON object"
            : null;
        if (problem is not null)
        {
            return Refuse(EventsTable, rowKey, problem, null);
        }

        stored = new StoredEvent(new SignalId(signal), otherSignal is { } other ? new SignalId(other) : null, type, (int)schemaVersion, Instant.FromUnixTimeTicks(occurredTicks), json);
        return true;
    }

    /// <summary>Refuses an event that names a signal the store does not hold and no removal event names: a store erases events with their signals and keeps only the removal's logbook lines.</summary>
    /// <param name="sequence">The event's sequence number.</param>
    /// <param name="signal">The missing signal.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    /// <exception cref="CorruptStoredDataException">The handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    public bool RefuseOrphanEvent(long sequence, long signal) =>
        Refuse(EventsTable, Number(sequence), $"it names signal {Number(signal)}, which the store does not hold", null);

    /// <summary>Checks one stream event row.</summary>
    /// <param name="kind">The kind of aggregate.</param>
    /// <param name="stream">The aggregate's identifier.</param>
    /// <param name="position">The event's place in its stream, from 1.</param>
    /// <param name="type">The event type.</param>
    /// <param name="schemaVersion">The schema version of its JSON.</param>
    /// <param name="atTicks">When it happened, as Unix ticks.</param>
    /// <param name="json">The event as JSON.</param>
    /// <param name="stored">The event, when the row is sound.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">A newer version of the SDK wrote the event.</exception>
    public bool TryAcceptStreamEvent(string kind, string stream, int position, string type, long schemaVersion, long atTicks, string json, out StreamEvent? stored)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(json);
        stored = null;
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{kind}/{ShownKey(stream)}/{position}");
        if (schemaVersion > StreamDocuments.SchemaVersion && schemaVersion <= int.MaxValue)
        {
            throw new UnsupportedSchemaVersionException(type, (int)schemaVersion, StreamDocuments.SchemaVersion);
        }

        var problem = stream.Length == 0 ? "its stream identifier is empty"
            : type.Length == 0 ? "its type is empty"
            : schemaVersion < 1 || schemaVersion > StreamDocuments.SchemaVersion ? $"its schema version {Number(schemaVersion)} is not one the SDK writes"
            : atTicks < MinTicks || atTicks > MaxTicks ? $"its time {Number(atTicks)} is not an instant"
            : !IsJsonObject(json) ? "its payload is not a JSON object"
            : null;
        if (problem is not null)
        {
            return Refuse(StreamEventsTable, rowKey, problem, null);
        }

        stored = new StreamEvent(type, (int)schemaVersion, Instant.FromUnixTimeTicks(atTicks), json);
        return true;
    }

    /// <summary>Gets how a key chosen by a client or a stream's identifier is shown in a report: as itself when short and plainly not a person's number, otherwise by a hash.</summary>
    /// <param name="key">The key.</param>
    /// <returns>What to show.</returns>
    public static string ShownKey(string key) => StoredRowKeys.Shown(key);

    private static bool IsDefined<TEnum>(long value)
        where TEnum : struct, Enum => Array.IndexOf(DefinedValues<TEnum>.Values, value) >= 0;

    private static bool IsJsonObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static class DefinedValues<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly long[] Values = Array.ConvertAll(Enum.GetValues<TEnum>(), v => Convert.ToInt64(v, CultureInfo.InvariantCulture));
    }
}
