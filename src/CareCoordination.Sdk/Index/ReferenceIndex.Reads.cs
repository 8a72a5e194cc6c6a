using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Index;

// Families, and the reads the privacy door (PersonDataAccess) uses; no public read of a person's data.
public sealed partial class ReferenceIndex
{
    /// <summary>Copies the active signals on a youth into <paramref name="destination"/>, allocating nothing.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="destination">Where to write them, newest first.</param>
    /// <returns>How many active signals the youth has; more than were written when the destination is too small.</returns>
    internal int GetActiveSignals(Bsn youth, Span<Signal> destination)
    {
        // The youth's row starts loading while the lock is taken and today is read, which touch none of the tables: at
        // a region's size the row is a cache miss, and this way it overlaps that work instead of following it.
        var key = KeyOf(youth);
        _active.Prefetch(key);
        while (true)
        {
            long pending;
            lock (_gate)
            {
                // Only a change to this youth that is not yet durable makes the read wait; another youth's never does.
                pending = PendingFor(key, withFamilies: false);
                if (pending == 0)
                {
                    var today = LifetimeDay().Today;
                    var count = 0;
                    for (var slot = _active.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
                    {
                        if (_slots[slot].Day <= today)
                        {
                            continue;
                        }

                        if (count < destination.Length)
                        {
                            destination[count] = ToSignal(slot, key, youth);
                        }

                        count++;
                    }

                    return count;
                }
            }

            _committer!.WaitSettled(pending);
        }
    }

    /// <summary>Gets the active signals on a youth, newest first.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The signals; empty when there are none.</returns>
    internal IReadOnlyList<Signal> GetActiveSignals(Bsn youth)
    {
        var key = KeyOf(youth);
        _active.Prefetch(key);
        return ReadSettled(() => PendingFor(key, withFamilies: false), () =>
        {
            var today = LifetimeDay().Today;
            return CollectChain(_active.HeadOf(key)).FindAll(signal => LocalCalendar.DayNumber(signal.ExpiresOn) > today);
        });
    }

    /// <summary>Gets the active signals on every youth of a family.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The signals, youth by youth in the family's order.</returns>
    /// <exception cref="NotFoundException">The family is not known to the index.</exception>
    internal IReadOnlyList<Signal> GetActiveSignalsOfFamily(FamilyId family) => ReadSettled(PendingForAll, () =>
        {
            if (_families.Find(family) is not { } known)
            {
                throw NotFoundException.Unknown(family.ToString(), "the reference index");
            }

            var result = new List<Signal>();
            var today = LifetimeDay().Today;
            foreach (var youth in known.Youths)
            {
                for (var slot = _active.HeadOf(youth.RevealNumber()); slot != NoSlot; slot = _slots[slot].Next)
                {
                    if (_slots[slot].Day > today)
                    {
                        result.Add(ToSignal(slot));
                    }
                }
            }

            return result;
        });

    /// <summary>Gets the signals on a youth in the historical archive, for auditors and the youth's access request; they are never matched.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The archived signals, most recently archived first; on one day, the most recently registered first.</returns>
    internal IReadOnlyList<ArchivedSignal> GetArchivedSignals(Bsn youth)
    {
        var key = KeyOf(youth);
        return ReadSettled(() => PendingFor(key, withFamilies: false), () =>
        {
            var result = new List<ArchivedSignal>();
            var (today, cutoff) = LifetimeDay();
            for (var slot = _archive.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                ref var s = ref _slots[slot];
                if (_lifetime.EffectiveState(ref s, today, cutoff) == SignalSlot.Archived)
                {
                    result.Add(new ArchivedSignal(ToSignal(slot), LocalCalendar.FromDayNumber(s.Day), s.Offered));
                }
            }

            // Past its end date a signal is archived as of that date, whether or not ExpireDue moved it yet.
            for (var slot = _active.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                ref var s = ref _slots[slot];
                if (_lifetime.EffectiveState(ref s, today, cutoff) == SignalSlot.Archived)
                {
                    result.Add(new ArchivedSignal(ToSignal(slot), LocalCalendar.FromDayNumber(s.Day), s.Offered));
                }
            }

            result.Sort(static (a, b) => a.ArchivedOn != b.ArchivedOn ? b.ArchivedOn.CompareTo(a.ArchivedOn) : b.Signal.Id.CompareTo(a.Signal.Id));
            return result;
        });
    }

    /// <summary>
    /// Gets every current match of a youth's active signals: with other organisations' active signals on the youth and
    /// on the youths of its families. Seen from the youth's side. Archived matches are offered once at registration and
    /// are not current.
    /// </summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The matches.</returns>
    internal IReadOnlyList<Match> GetMatches(Bsn youth)
    {
        var now = _clock.GetCurrentInstant();
        var key = KeyOf(youth);
        return ReadSettled(() => PendingFor(key, withFamilies: true), () =>
        {
            var result = new List<Match>();
            var (today, cutoff) = LifetimeDay();
            for (var own = _active.HeadOf(key); own != NoSlot; own = _slots[own].Next)
            {
                if (_slots[own].Day <= today)
                {
                    continue;
                }

                var ownOrganisation = _slots[own].Organisation;
                var siblings = _families.SiblingsOf(key);
                var count = _matching.Collect(_active.HeadOf(key), NoSlot, siblings, _matching.SiblingHeadsOf(siblings), ownOrganisation, includeArchive: false, today, cutoff);
                var coordinator = _matching.DesignateCoordinator(ownOrganisation, _matching.RankOf(ownOrganisation), _slots[own].Id, count);
                var signal = ToSignal(own);
                for (var i = 0; i < count; i++)
                {
                    result.Add(new Match(_matching.KindAt(i), signal, ToSignal(_matching.SlotAt(i)), coordinator, _matching.FamilyAt(i), now));
                }
            }

            return result;
        });
    }

    /// <summary>
    /// Adds a family as the population register knows it, or replaces the family with the same identifier; later
    /// registrations match across its youths. The feed changes families through
    /// <see cref="Privacy.Access.PersonDataAccess.AddOrReplaceFamily"/>, which audits it.
    /// </summary>
    /// <param name="family">The family.</param>
    /// <param name="alsoInOperation">What else belongs to the change, such as its audit records: it runs after the change, in its operation, so it commits and rolls back with it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="family"/> is <see langword="null"/>.</exception>
    internal void AddOrReplaceFamily(Family family, Action? alsoInOperation = null)
    {
        Guard.NotNull(family);
        if (_durable is not null)
        {
            AddOrReplaceFamilyDurably(family, alsoInOperation);
            return;
        }

        Then(AddOrReplaceFamilyCore(family), alsoInOperation);
    }

    // Its closure lives in its own method, so that an index without change sets allocates none for a family change.
    private void AddOrReplaceFamilyDurably(Family family, Action? alsoInOperation) => Durably(() => Then(AddOrReplaceFamilyCore(family), alsoInOperation));

    /// <summary>Adds or replaces a family like <see cref="AddOrReplaceFamily(Family, Action?)"/>, and completes once the change is durable.</summary>
    /// <param name="family">The family.</param>
    /// <param name="alsoInOperation">What else belongs to the change, such as its audit records: it runs in its operation.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit.</param>
    /// <returns>A task that completes once the change is durable.</returns>
    internal async Task AddOrReplaceFamilyAsync(Family family, Action? alsoInOperation = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Guard.NotNull(family);
        if (_durable is not null)
        {
            await DurablyAsync(() => Then(AddOrReplaceFamilyCore(family), alsoInOperation), cancellationToken).ConfigureAwait(false);
            return;
        }

        Then(AddOrReplaceFamilyCore(family), alsoInOperation);
    }

    private bool AddOrReplaceFamilyCore(Family family)
    {
        if (!_keying.IsPseudonymised)
        {
            lock (_gate)
            {
                return ChangeFamily(family, Bsn.NumbersOf(family.YouthSpan), Bsn.NumbersOf(family.CarerSpan), family.Address);
            }
        }

        // The members' pseudonyms and the address's keyed hash depend on nothing the index holds, so they are worked out
        // before the lock; under it, only whether the family keeps the keyed address it has.
        var members = family.YouthSpan.Length + family.CarerSpan.Length;
        Span<int> keys = members <= 16 ? stackalloc int[16] : new int[members];
        keys = keys[..members];
        KeysOf(family.YouthSpan, family.CarerSpan, keys);
        Span<byte> addressHash = stackalloc byte[YouthKeying.AddressHashBytes];
        var address = family.Address;
        var hashed = address is { IsKeyed: false };
        if (hashed)
        {
            _keying.HashAddress(address!.Value, addressHash);
        }

        lock (_gate)
        {
            var keyedAddress = hashed ? YouthKeying.KeyedAddress(addressHash, _families.AddressOf(family.Id)) : address;
            return ChangeFamily(family, keys[..family.YouthSpan.Length], keys[family.YouthSpan.Length..], keyedAddress);
        }
    }

    // A family's youths and carers are turned into their keys together, side by side, in about the time of one.
    private void KeysOf(ReadOnlySpan<Bsn> youths, ReadOnlySpan<Bsn> carers, Span<int> keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (i < youths.Length ? youths[i] : carers[i - youths.Length]).RevealNumber();
        }

        _keying.KeysOf(keys);
    }

    // Under the lock: the family as the feed gave it, and its members' keys and its address as the index keeps them.
    private bool ChangeFamily(Family family, ReadOnlySpan<int> youths, ReadOnlySpan<int> carers, AddressKey? keyedAddress)
    {
        var written = _store is not null || _durable is not null;
        if (!written && _observers.Length == 0)
        {
            // Nothing to write and nobody to tell: the table takes the keys as they are, and no keyed family is made.
            ApplyFamily(family.Id, youths, carers, keyedAddress, family.Municipality);
            return true;
        }

        // The family as the index keeps it, for the store's row and the events: the feed's own unless pseudonymised.
        var keyed = _keying.IsPseudonymised ? family.WithMembers(Bsn.FromTrustedNumbers(youths), Bsn.FromTrustedNumbers(carers), keyedAddress) : family;

        // The feed replaces families all day: their events are built only for someone to hear them.
        var events = _observers.Length == 0 ? NoEvents : FamilyEvents(family, keyed);
        if (!written)
        {
            // Nothing to write: the change applies at once, without the closures a write would need.
            ApplyFamily(family.Id, youths, carers, keyedAddress, family.Municipality);
            foreach (var e in events)
            {
                e(_observers);
            }

            return true;
        }

        var change = new FamilyChange(keyed.Id, new StoredFamily(keyed.Id, [.. keyed.Youths.Select(KeyFrom)], [.. keyed.Carers.Select(KeyFrom)]) { Address = keyed.Address, Municipality = keyed.Municipality });
        return WriteStoredFamily(change, events, keyed);
    }

    // The events' closures live in their own method, so that a change nobody observes allocates none of them.
    private List<Action<IReferenceIndexObserver[]>> FamilyEvents(Family family, Family keyed)
    {
        List<Action<IReferenceIndexObserver[]>> events = [to => Deliver(to, new FamilyChanged(family.Id, family), static (o, e) => o.OnFamilyChanged(e))];

        // A family that gets its first address, or keeps its address under another municipality code (a municipal
        // merger), moved nobody.
        if (_families.Find(keyed.Id) is { Address: { } from } before && keyed.Address is { } to && from != to)
        {
            foreach (var moved in MovesOf(before, family, keyed))
            {
                events.Add(to => Deliver(to, moved, static (o, e) => o.OnYouthMoved(e)));
            }
        }

        return events;
    }

    // The write's closures live in their own method, so that a change without a store allocates none of them.
    private bool WriteStoredFamily(FamilyChange change, List<Action<IReferenceIndexObserver[]>> events, Family keyed) =>
        WriteStoredFamilyThenApply(change, events, () => ApplyFamily(keyed));

    private bool ApplyFamily(Family keyed)
    {
        ApplyFamily(keyed.Id, Bsn.NumbersOf(keyed.YouthSpan), Bsn.NumbersOf(keyed.CarerSpan), keyed.Address, keyed.Municipality);
        return true;
    }

    private void ApplyFamily(FamilyId id, ReadOnlySpan<int> youths, ReadOnlySpan<int> carers, AddressKey? address, MunicipalityCode? municipality)
    {
        if (_batch is not null)
        {
            UndoFamily(_batch, id);
        }

        _families.AddOrReplace(id, youths, carers, address, municipality);
    }

    /// <summary>
    /// The moves a family's replacement reports (domain rule 5): the family was known at one address and is now at
    /// another, so each youth in it before and after, who has an active signal, moved. Call under the lock, only when
    /// the address changed.
    /// </summary>
    private List<YouthMoved> MovesOf(Family before, Family family, Family keyed)
    {
        var moves = new List<YouthMoved>();
        var now = _clock.GetCurrentInstant();
        var today = LifetimeDay().Today;
        for (var i = 0; i < keyed.Youths.Count; i++)
        {
            var key = keyed.Youths[i].RevealNumber();
            if (!before.HasYouth(keyed.Youths[i]))
            {
                continue;
            }

            var youth = family.Youths[i];
            var active = new List<Signal>();
            for (var slot = _active.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                if (_slots[slot].Day > today)
                {
                    active.Add(ToSignal(slot, key, youth));
                }
            }

            if (active.Count > 0)
            {
                moves.Add(new YouthMoved(youth, family.Id, before.Municipality, keyed.Municipality, now, active));
            }
        }

        return moves;
    }

    /// <summary>
    /// Forgets a family; its youths no longer match each other through it. The feed removes families through
    /// <see cref="Privacy.Access.PersonDataAccess.RemoveFamily"/>, which audits it.
    /// </summary>
    /// <param name="family">The family.</param>
    /// <param name="alsoInOperation">What else belongs to the removal, such as its audit records: it runs after the removal, in its operation, so it commits and rolls back with it; not at all when the family was not known (nothing was removed).</param>
    /// <returns>Whether the family was known.</returns>
    internal bool RemoveFamily(FamilyId family, Action? alsoInOperation = null) =>
        _durable is null
            ? RemoveFamilyThen(family, alsoInOperation)
            : Durably(() => RemoveFamilyThen(family, alsoInOperation));

    /// <summary>Forgets a family like <see cref="RemoveFamily(FamilyId, Action?)"/>, and completes once the removal is durable.</summary>
    /// <param name="family">The family.</param>
    /// <param name="alsoInOperation">What else belongs to the removal, such as its audit records: it runs in its operation, when the family was known.</param>
    /// <param name="cancellationToken">Cancels the removal until it is queued for its commit.</param>
    /// <returns>Whether the family was known.</returns>
    internal async Task<bool> RemoveFamilyAsync(FamilyId family, Action? alsoInOperation = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _durable is null
            ? RemoveFamilyThen(family, alsoInOperation)
            : await DurablyAsync(() => RemoveFamilyThen(family, alsoInOperation), cancellationToken).ConfigureAwait(false);
    }

    // A family that was not known was not removed, so what else belongs to a removal (its audit records) does not run.
    private bool RemoveFamilyThen(FamilyId family, Action? alsoInOperation) => RemoveFamilyCore(family) && Then(true, alsoInOperation);

    /// <summary>Gets a family by its identifier, with its members as the caller knows them.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The family, or <see langword="null"/> when it is not known.</returns>
    internal Family? FindFamily(FamilyId family) => ReadSettled(PendingForAll, () =>
        _families.Find(family) is { } known ? MapMembers(known, member => YouthOf(member.RevealNumber())) : null);

    private bool RemoveFamilyCore(FamilyId family)
    {
        lock (_gate)
        {
            if (!_families.Contains(family))
            {
                return false;
            }

            return WriteStoredFamilyThenApply(new FamilyChange(family, null), [to => Deliver(to, new FamilyChanged(family, null), static (o, e) => o.OnFamilyChanged(e))], () =>
            {
                if (_batch is not null)
                {
                    UndoFamily(_batch, family);
                }

                return _families.Remove(family);
            });
        }
    }

    /// <summary>Gets the families a youth belongs to.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The families; empty when none is known.</returns>
    internal IReadOnlyList<Family> GetFamiliesOf(Bsn youth)
    {
        var key = KeyOf(youth);
        return ReadSettled<IReadOnlyList<Family>>(() => PendingFor(key, withFamilies: true), () =>
        {
            if (_families.OfYouth(key) is not { } ids)
            {
                return [];
            }

            var result = new Family[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                var known = _families.Find(ids[i])!;
                result[i] = MapMembers(known, member => YouthOf(member.RevealNumber()));
            }

            return result;
        });
    }

    private List<Signal> CollectChain(int head)
    {
        var result = new List<Signal>();
        for (var slot = head; slot != NoSlot; slot = _slots[slot].Next)
        {
            result.Add(ToSignal(slot));
        }

        return result;
    }

    /// <summary>Tells whether any active or archived signal is kept under this raw key, for tests that look for BSNs in memory.</summary>
    /// <param name="key">The key as stored in the slots.</param>
    /// <returns>Whether a slot holds it.</returns>
    internal bool HoldsKey(int key)
    {
        lock (_gate)
        {
            return _active.HeadOf(key) != NoSlot || _archive.HeadOf(key) != NoSlot;
        }
    }
}
