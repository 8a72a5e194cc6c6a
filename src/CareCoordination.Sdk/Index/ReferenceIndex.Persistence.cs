using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Index;

// How the index's slots become the rows and commits a store keeps, and back at start-up.
public sealed partial class ReferenceIndex
{
    private SignalCommit RegistrationCommit(in Signal signal, int youthKey, int ageLimit, int count, OrganisationId coordinator, Instant now, string? idempotencyKey)
    {
        var row = StoredOf(signal, StoredSignalState.Active, offered: false) with { AgeLimitDayNumber = AgeLimitColumn(ageLimit) };
        var upserts = new List<StoredSignal>(1) { row };
        var events = new List<StoredEvent>(count + 1) { EventDocuments.Registered(signal) };
        var remembered = idempotencyKey is null ? null : new RememberedMatchDocument[count];
        for (var i = 0; i < count; i++)
        {
            var other = _matching.SlotAt(i);
            if (_matching.KindAt(i) == MatchKind.Archived)
            {
                upserts.Add(StoredOf(other) with { OfferedAsMatch = true });
            }

            events.Add(EventDocuments.MatchFound(new Match(_matching.KindAt(i), signal, ToSignal(other), coordinator, _matching.FamilyAt(i), now)));
            if (remembered is not null)
            {
                remembered[i] = new RememberedMatchDocument(_matching.KindAt(i), Remembered(StoredOf(other), _slots[other].Youth), coordinator.Value, _matching.FamilyAt(i)?.Value, now);
            }
        }

        return new SignalCommit(upserts, [], events)
        {
            IdempotencyKeys = idempotencyKey is null
                ? []
                : [EventDocuments.Remember(idempotencyKey, now, new RememberedAnswerDocument(youthKey, signal.Organisation.Value, RegistrationOutcome.Registered, Remembered(row, youthKey), remembered!))],
        };
    }

    // Erasing a signal takes the answer linked to it out of the store, since that answer holds the youth; the commit
    // writes its tombstone in its place, so that a retry of the key is refused instead of registering again.
    private SignalCommit? WithTombstones(SignalCommit? commit)
    {
        if (commit is null || commit.Erasures.Count == 0)
        {
            return commit;
        }

        var tombstones = _idempotency.TombstonesFor(commit.Erasures, _clock.GetCurrentInstant() - Policy.IdempotencyWindow);
        return tombstones.Count == 0 ? commit : commit with { IdempotencyKeys = [.. commit.IdempotencyKeys, .. tombstones] };
    }

    // An answer remembers the youth by the index's key, as the in-memory answer does, so a pseudonymised store holds no BSN here either.
    private static RememberedSignalDocument Remembered(in StoredSignal row, int youthKey) =>
        new(row.Id.Value, youthKey, row.Organisation.Value, row.Reporter.Value, row.RegisteredTicks, row.DayNumber, row.Expiry);

    private StoredSignal ArchivedRow(int slot, LocalDate archivedOn) =>
        StoredOf(slot) with { State = StoredSignalState.Archived, DayNumber = LocalCalendar.DayNumber(archivedOn) };

    private StoredSignal StoredOf(int slot)
    {
        ref var s = ref _slots[slot];
        return StoredOf(ToSignal(slot), s.State == SignalSlot.Archived ? StoredSignalState.Archived : StoredSignalState.Active, s.Offered);
    }

    private StoredSignal StoredOf(in Signal signal, StoredSignalState state, bool offered)
    {
        var key = KeyOf(signal.Youth);
        return new(signal.Id, YouthKey.FromTrusted(key), signal.Organisation, signal.Reporter, signal.RegisteredAt.ToUnixTimeTicks(), LocalCalendar.DayNumber(signal.ExpiresOn), signal.Expiry, state, offered)
        {
            AgeLimitDayNumber = AgeLimitColumn(_lifetime.AgeLimitOf(key)),
        };
    }

    // Every row of a youth whose archive could outlive the age limit carries that day, so it survives any one row's erasure.
    private static int? AgeLimitColumn(int ageLimit) => ageLimit == SignalLifetime.NoAgeLimit ? null : ageLimit;

    private Signal ToSignal(in StoredSignal stored) =>
        new(stored.Id, YouthOf(stored.Youth.Value), stored.Organisation, stored.Reporter, stored.RegisteredTicks, stored.DayNumber, stored.Expiry);

    /// <summary>Puts a stored signal back into its slot and chain while the index rebuilds; the store hands them out in identifier order.</summary>
    private void Restore(in StoredSignal stored)
    {
        var key = stored.Youth.Value;
        var table = stored.State == StoredSignalState.Archived ? _archive : _active;
        var slot = _slots.Take();
        ref var s = ref _slots[slot];
        s.Id = stored.Id.Value;
        s.RegisteredTicks = stored.RegisteredTicks;
        s.Youth = key;
        s.Organisation = stored.Organisation.Value;
        s.Reporter = stored.Reporter.Value;
        s.Day = stored.DayNumber;
        s.Expiry = (byte)stored.Expiry;
        s.State = stored.State == StoredSignalState.Archived ? SignalSlot.Archived : SignalSlot.Active;
        s.Offered = stored.OfferedAsMatch;
        s.Next = table.HeadOf(key);
        table.SetHead(key, slot);
        _lastId = Math.Max(_lastId, stored.Id.Value);
        if (stored.AgeLimitDayNumber is { } ageLimit)
        {
            _lifetime.Keep(key, ageLimit);
        }

        if (table == _active)
        {
            _activeCount++;
        }
        else
        {
            _archivedCount++;
        }
    }

    private sealed class Loader(ReferenceIndex index, System.Threading.CancellationToken cancellationToken) : IStoredIndexSink
    {
        // The signals the store handed back, so that a remembered answer can leave out the matches of erased ones.
        private readonly HashSet<long> _signals = [];

        public void Add(in StoredSignal signal)
        {
            cancellationToken.ThrowIfCancellationRequested();
            index.Restore(signal);
            _signals.Add(signal.Id.Value);
        }

        public void Add(StoredFamily family) =>
            index._families.AddOrReplace(Family.Create(family.Id, family.Youths.Select(k => Bsn.FromTrustedNumber(k.Value)), family.Carers.Select(k => Bsn.FromTrustedNumber(k.Value)), family.Address is { } address ? index._keying.KeyOf(address) : null, family.Municipality));

        public void SignalIdsUsedUpTo(SignalId last) => index._lastId = Math.Max(index._lastId, last.Value);

        public void Add(StoredIdempotencyKey key) => index._idempotency.Restore(key, index._clock.GetCurrentInstant() - index.Policy.IdempotencyWindow, id => _signals.Contains(id.Value), index._keying);
    }
}
