using System.Collections.Generic;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Index;

/// <summary>
/// The persistence mapping of the reference index: how its signal slots become the rows, events and remembered
/// answers a store keeps, and how a stored row becomes a slot again at start-up. Every stored column of a signal is
/// written here and nowhere else, keyed by the youth key the index holds, so a pseudonymised index stores no BSN.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
internal sealed class SignalRows(SignalSlots slots, YouthKeying keying, SignalLifetime lifetime, YouthRows youths)
{
    /// <summary>The row of a slot as it is now.</summary>
    public StoredSignal Of(int slot)
    {
        ref var s = ref slots[slot];
        return new StoredSignal(
            new SignalId(s.Id),
            YouthKey.FromTrusted(s.Youth),
            new OrganisationId(s.Organisation),
            new ProfessionalId(s.Reporter),
            s.RegisteredTicks,
            s.Day,
            (SignalExpiry)s.Expiry,
            s.State == SignalSlot.Archived ? StoredSignalState.Archived : StoredSignalState.Active,
            s.Offered)
        {
            AgeLimitDayNumber = SignalRows.AgeLimitColumn(lifetime.AgeLimitOf(s.Youth)),
        };
    }

    /// <summary>The row of a slot moved to the archive on <paramref name="archivedOn"/>.</summary>
    public StoredSignal Archived(int slot, LocalDate archivedOn) =>
        Of(slot) with { State = StoredSignalState.Archived, DayNumber = LocalCalendar.DayNumber(archivedOn) };

    /// <summary>The signal a slot holds; a youth key the caller already knows needs no inverse pseudonym.</summary>
    public Signal SignalOf(int slot, int knownKey, Bsn knownYouth)
    {
        ref var s = ref slots[slot];
        return new Signal(
            new SignalId(s.Id),
            s.Youth == knownKey && knownKey != 0 ? knownYouth : PersonOf(s.Youth),
            new OrganisationId(s.Organisation),
            new ProfessionalId(s.Reporter),
            s.RegisteredTicks,
            s.Day,
            (SignalExpiry)s.Expiry);
    }

    /// <summary>
    /// Keeps a youth's BSN, masked, in its row, when the index is pseudonymised and the row keeps none yet: the youth's
    /// own registration knows the BSN, so a later answer that names it as a sibling need not turn the pseudonym back.
    /// </summary>
    public void KeepNumber(int key, Bsn youth)
    {
        if (keying.MasksNumbers && youths.MaskedNumberOf(key) < 0)
        {
            youths.KeepMaskedNumber(key, youth.RevealNumber() ^ keying.MaskOf(key));
        }
    }

    /// <summary>The signal a stored row holds.</summary>
    public Signal SignalOf(in StoredSignal stored) =>
        new(stored.Id, keying.PersonOf(stored.Youth.Value), stored.Organisation, stored.Reporter, stored.RegisteredTicks, stored.DayNumber, stored.Expiry);

    // The person a key stands for: from the BSN masked in the youth's row (one AES block) where the index keeps it, else
    // through the inverse permutation (ten), keeping the result in the row for the next answer that names the youth.
    private Bsn PersonOf(int key)
    {
        if (!keying.MasksNumbers)
        {
            return keying.PersonOf(key);
        }

        var masked = youths.MaskedNumberOf(key);
        if (masked >= 0)
        {
            return Bsn.FromTrustedNumber(masked ^ keying.MaskOf(key));
        }

        var person = keying.PersonOf(key);
        youths.KeepMaskedNumber(key, person.RevealNumber() ^ keying.MaskOf(key));
        return person;
    }

    /// <summary>Puts a stored row's fields into a slot; the index links the slot into its youth's chain.</summary>
    public void Fill(int slot, in StoredSignal stored)
    {
        ref var s = ref slots[slot];
        s.Id = stored.Id.Value;
        s.RegisteredTicks = stored.RegisteredTicks;
        s.Youth = stored.Youth.Value;
        s.Organisation = stored.Organisation.Value;
        s.Reporter = stored.Reporter.Value;
        s.Day = stored.DayNumber;
        s.Expiry = (byte)stored.Expiry;
        s.State = stored.State == StoredSignalState.Archived ? SignalSlot.Archived : SignalSlot.Active;
        s.Offered = stored.OfferedAsMatch;
        if (stored.AgeLimitDayNumber is { } ageLimit)
        {
            lifetime.Keep(s.Youth, ageLimit);
        }
    }

    /// <summary>
    /// The commit of a registration: the new row, the archived signals it offered (marked offered), its events, and its
    /// remembered answer when the reporter sent an idempotency key.
    /// </summary>
    public SignalCommit Registration(in Signal signal, int youthKey, int ageLimit, MatchFinder matching, int count, OrganisationId coordinator, Instant now, string? idempotencyKey)
    {
        var row = new StoredSignal(signal.Id, YouthKey.FromTrusted(youthKey), signal.Organisation, signal.Reporter, signal.RegisteredAt.ToUnixTimeTicks(), LocalCalendar.DayNumber(signal.ExpiresOn), signal.Expiry, StoredSignalState.Active, false)
        {
            AgeLimitDayNumber = SignalRows.AgeLimitColumn(ageLimit),
        };
        var upserts = new List<StoredSignal>(1) { row };
        var events = new List<StoredEvent>(count + 1) { EventDocuments.Registered(signal) };
        var remembered = idempotencyKey is null ? null : new RememberedMatchDocument[count];
        for (var i = 0; i < count; i++)
        {
            var other = matching.SlotAt(i);
            if (matching.KindAt(i) == MatchKind.Archived)
            {
                upserts.Add(Of(other) with { OfferedAsMatch = true });
            }

            events.Add(EventDocuments.MatchFound(new Match(matching.KindAt(i), signal, SignalOf(other, 0, default), coordinator, matching.FamilyAt(i), now)));
            if (remembered is not null)
            {
                remembered[i] = new RememberedMatchDocument(matching.KindAt(i), Remembered(Of(other), slots[other].Youth), coordinator.Value, matching.FamilyAt(i)?.Value, now);
            }
        }

        return new SignalCommit(upserts, [], events)
        {
            IdempotencyKeys = idempotencyKey is null
                ? []
                : [EventDocuments.Remember(idempotencyKey, now, new RememberedAnswerDocument(youthKey, signal.Organisation.Value, RegistrationOutcome.Registered, Remembered(row, youthKey), remembered!))],
        };
    }

    /// <summary>
    /// An answer remembers the youth by the index's key, as the in-memory answer does, so a pseudonymised store holds no BSN here either.
    /// </summary>
    public static RememberedSignalDocument Remembered(in StoredSignal row, int youthKey) =>
        new(row.Id.Value, youthKey, row.Organisation.Value, row.Reporter.Value, row.RegisteredTicks, row.DayNumber, row.Expiry);

    /// <summary>
    /// Every row of a youth whose archive could outlive the age limit carries that day, so it survives any one row's erasure.
    /// </summary>
    public static int? AgeLimitColumn(int ageLimit) => ageLimit == SignalLifetime.NoAgeLimit ? null : ageLimit;
}
