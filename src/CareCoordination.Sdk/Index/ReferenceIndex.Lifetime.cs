using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Telemetry;
using NodaTime;

namespace CareCoordination.Sdk.Index;

// The lifetime of signals (domain rule 4): withdrawal, removal on request, death, and moving slots between the chains;
// the daily expiry run is in ReferenceIndex.Expiry.cs.
public sealed partial class ReferenceIndex
{
    /// <summary>Withdraws an organisation's own signal on a youth (<em>intrekken</em>): archived when the risk is gone, removed outright otherwise.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="organisation">The organisation that made the signal; only it may withdraw it.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The signal as it was.</returns>
    /// <exception cref="ArgumentException">An argument is <c>default</c> or undefined.</exception>
    /// <param name="alsoInOperation">What else belongs to the withdrawal, such as its audit record: it runs after the withdrawal, in its operation, so it commits and rolls back with it.</param>
    /// <exception cref="NotFoundException">The organisation has no active signal on the youth; nothing changed.</exception>
    internal Signal Withdraw(Bsn youth, OrganisationId organisation, WithdrawalReason reason, Action? alsoInOperation = null) =>
        _durable is null
            ? Then(WithdrawCore(youth, organisation, reason), alsoInOperation)
            : Durably(() => Then(WithdrawCore(youth, organisation, reason), alsoInOperation));

    /// <summary>
    /// Withdraws an organisation's own signal on a youth, like <see cref="Withdraw(Bsn, OrganisationId, WithdrawalReason, Action?)"/>,
    /// and completes once the withdrawal is durable. Cancelled before it is queued for its commit, nothing happened.
    /// </summary>
    /// <param name="youth">The youth.</param>
    /// <param name="organisation">The organisation that made the signal; only it may withdraw it.</param>
    /// <param name="reason">Why.</param>
    /// <param name="alsoInOperation">What else belongs to the withdrawal, such as its audit record: it runs in its operation.</param>
    /// <param name="cancellationToken">Cancels the withdrawal until it is queued for its commit.</param>
    /// <returns>The signal as it was.</returns>
    /// <exception cref="ArgumentException">An argument is <c>default</c> or undefined.</exception>
    /// <exception cref="NotFoundException">The organisation has no active signal on the youth; nothing changed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the withdrawal was queued; nothing changed.</exception>
    internal async Task<Signal> WithdrawAsync(Bsn youth, OrganisationId organisation, WithdrawalReason reason, Action? alsoInOperation = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _durable is null
            ? Then(WithdrawCore(youth, organisation, reason), alsoInOperation)
            : await DurablyAsync(() => Then(WithdrawCore(youth, organisation, reason), alsoInOperation), cancellationToken).ConfigureAwait(false);
    }

    private Signal WithdrawCore(Bsn youth, OrganisationId organisation, WithdrawalReason reason)
    {
        Guard.NotDefault(youth);
        Guard.NotDefault(organisation);
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentException("The withdrawal reason is not defined.", nameof(reason));
        }

        var now = _clock.GetCurrentInstant();
        var day = _calendar.DayOf(now);
        var today = day.Date;
        lock (_gate)
        {
            var key = KeyOf(youth);
            var slot = _matching.FindInChain(_active.HeadOf(key), organisation.Value, day.DayNumber);
            if (slot == NoSlot)
            {
                throw NotFoundException.Missing($"{organisation}'s active signal on youth {youth}", Messages.Format(SignalMessages.NoActiveSignalToWithdraw, organisation, youth));
            }

            var signal = ToSignal(slot);
            var end = reason switch
            {
                WithdrawalReason.RiskGone => SignalEndReason.RiskGone,
                WithdrawalReason.Unjustified => SignalEndReason.Unjustified,
                WithdrawalReason.ErasureRequested => SignalEndReason.ErasureRequested,
                WithdrawalReason.CorrectionUpheld => SignalEndReason.CorrectionUpheld,
                _ => SignalEndReason.ObjectionUpheld,
            };
            SignalCommit? commit = null;
            if (_store is not null)
            {
                var withdrawn = EventDocuments.Withdrawn(signal, reason, now);
                commit = reason == WithdrawalReason.RiskGone
                    ? new SignalCommit([_rows.Archived(slot, today)], [], [withdrawn, EventDocuments.Archived(signal, end, now)])
                    : new SignalCommit([], [signal.Id], [withdrawn, EventDocuments.Removed(signal, end, now)]);
            }

            var withdrawal = new SignalWithdrawn(signal, reason, now);
            List<Action<IReferenceIndexObserver[]>> events =
            [
                to => Deliver(to, withdrawal, static (o, e) => o.OnSignalWithdrawn(e)),
                reason == WithdrawalReason.RiskGone
                    ? to => Deliver(to, new SignalArchived(signal, end, today, now), static (o, e) => o.OnSignalArchived(e))
                    : to => Deliver(to, new SignalRemoved(signal, end, WasArchived: false, now), static (o, e) => o.OnSignalRemoved(e)),
            ];
            WriteThenApply(commit, events, () =>
            {
                if (reason == WithdrawalReason.RiskGone)
                {
                    MoveToArchive(slot, end, day.DayNumber);
                }
                else
                {
                    RemoveActive(slot, end);
                }
            });
            return signal;
        }
    }

    /// <summary>
    /// Removes one signal on a youth because its youth or parents' request was upheld (an objection, an erasure or a
    /// correction, domain rule 10): an active signal is withdrawn with that reason, an archived one (or one past its end
    /// date) is deleted from the archive; never archived either way.
    /// </summary>
    /// <param name="youth">The youth.</param>
    /// <param name="signal">The signal the request is about.</param>
    /// <param name="reason"><see cref="WithdrawalReason.ObjectionUpheld"/>, <see cref="WithdrawalReason.ErasureRequested"/> or <see cref="WithdrawalReason.CorrectionUpheld"/>.</param>
    /// <param name="alsoInOperation">What else belongs to the removal (the request's decision and its audit record): it runs in its operation.</param>
    /// <returns>The signal as it was, or <c>default</c> when the index no longer holds it (it left by itself since the request was made).</returns>
    internal Signal RemoveOnRequest(Bsn youth, SignalId signal, WithdrawalReason reason, Action? alsoInOperation) =>
        _durable is null
            ? Then(RemoveOnRequestCore(youth, signal, reason), alsoInOperation)
            : Durably(() => Then(RemoveOnRequestCore(youth, signal, reason), alsoInOperation));

    private Signal RemoveOnRequestCore(Bsn youth, SignalId id, WithdrawalReason reason)
    {
        Guard.NotDefault(youth);
        Debug.Assert(reason is WithdrawalReason.ObjectionUpheld or WithdrawalReason.ErasureRequested or WithdrawalReason.CorrectionUpheld, "A request removes, never archives.");
        var now = _clock.GetCurrentInstant();
        var day = _calendar.DayOf(now);
        lock (_gate)
        {
            var key = KeyOf(youth);
            var slot = FindById(_active.HeadOf(key), id);
            if (slot != NoSlot && _slots[slot].Day > day.DayNumber)
            {
                return WithdrawCore(youth, new OrganisationId(_slots[slot].Organisation), reason);
            }

            // Past its end date the signal is archived in effect, whether or not the daily job archived it yet.
            slot = slot == NoSlot ? FindById(_archive.HeadOf(key), id) : slot;
            if (slot == NoSlot)
            {
                return default;
            }

            var archived = _slots[slot].State == SignalSlot.Archived;

            var end = reason switch
            {
                WithdrawalReason.ErasureRequested => SignalEndReason.ErasureRequested,
                WithdrawalReason.CorrectionUpheld => SignalEndReason.CorrectionUpheld,
                _ => SignalEndReason.ObjectionUpheld,
            };
            var signal = ToSignal(slot);
            var commit = _store is null ? null : new SignalCommit([], [signal.Id], [EventDocuments.Removed(signal, end, now)]);
            var removal = new SignalRemoved(signal, end, WasArchived: true, now);
            WriteThenApply(commit, [to => Deliver(to, removal, static (o, e) => o.OnSignalRemoved(e))], () =>
            {
                if (archived)
                {
                    RemoveArchived(slot);
                }
                else
                {
                    RemoveActive(slot, end);
                }
            });
            return signal;
        }
    }

    private int FindById(int head, SignalId id)
    {
        for (var slot = head; slot != NoSlot; slot = _slots[slot].Next)
        {
            if (_slots[slot].Id == id.Value)
            {
                return slot;
            }
        }

        return NoSlot;
    }

    /// <summary>
    /// Removes every signal on a youth who died, active and archived (Jeugdwet art. 7.1.4.6: as soon as possible after
    /// death). People record a death through <see cref="Privacy.Access.PersonDataAccess.RecordDeath"/>, which audits it.
    /// </summary>
    /// <param name="youth">The youth.</param>
    /// <param name="alsoInOperation">What else belongs to the removal, such as its audit record: it runs after the removal, in its operation, so it commits and rolls back with it.</param>
    /// <returns>How many signals were removed.</returns>
    internal int RecordDeath(Bsn youth, Action? alsoInOperation = null) =>
        _durable is null
            ? Then(RecordDeathCore(youth), alsoInOperation)
            : Durably(() => Then(RecordDeathCore(youth), alsoInOperation));

    /// <summary>Removes every signal on a youth who died, like <see cref="RecordDeath(Bsn, Action?)"/>, and completes once the removal is durable.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="alsoInOperation">What else belongs to the removal, such as its audit record: it runs in its operation.</param>
    /// <param name="cancellationToken">Cancels the removal until it is queued for its commit.</param>
    /// <returns>How many signals were removed.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before the removal was queued; nothing changed.</exception>
    internal async Task<int> RecordDeathAsync(Bsn youth, Action? alsoInOperation = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _durable is null
            ? Then(RecordDeathCore(youth), alsoInOperation)
            : await DurablyAsync(() => Then(RecordDeathCore(youth), alsoInOperation), cancellationToken).ConfigureAwait(false);
    }

    private int RecordDeathCore(Bsn youth)
    {
        Guard.NotDefault(youth);
        var now = _clock.GetCurrentInstant();
        lock (_gate)
        {
            var key = KeyOf(youth);
            var removals = new List<(int Slot, bool Archived)>();
            for (var slot = _active.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                removals.Add((slot, _slots[slot].State == SignalSlot.Archived));
            }

            for (var slot = _archive.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                removals.Add((slot, true));
            }

            var removed = removals.ConvertAll(r => new SignalRemoved(ToSignal(r.Slot), SignalEndReason.YouthDeceased, r.Archived, now));
            var commit = _store is null || removed.Count == 0
                ? null
                : new SignalCommit([], removed.ConvertAll(r => r.Signal.Id), removed.ConvertAll(r => EventDocuments.Removed(r.Signal, SignalEndReason.YouthDeceased, now)));
            var events = removed.ConvertAll<Action<IReferenceIndexObserver[]>>(r => to => Deliver(to, r, static (o, e) => o.OnSignalRemoved(e)));
            WriteThenApply(commit, events, () =>
            {
                foreach (var (slot, archived) in removals)
                {
                    if (archived)
                    {
                        RemoveArchived(slot);
                    }
                    else
                    {
                        RemoveActive(slot, SignalEndReason.YouthDeceased);
                    }
                }
            });
            LeaveFamilies(key);
            return removals.Count;
        }
    }

    // A youth who died leaves its families in the same operation, so that no family match runs through it any more
    // and the family the plan is made for is the living one; a family it was the only youth of is forgotten.
    private void LeaveFamilies(int key)
    {
        if (_families.OfYouth(key) is not { } ids)
        {
            return;
        }

        foreach (var id in ids)
        {
            var known = MapMembers(_families.Find(id)!, member => YouthOf(member.RevealNumber()));
            var deceased = YouthOf(key);
            var living = known.Youths.Where(y => y != deceased).ToArray();
            if (living.Length == 0)
            {
                RemoveFamilyCore(id);
            }
            else
            {
                AddOrReplaceFamilyCore(Family.Create(id, living, known.Carers, known.Address, known.Municipality));
            }
        }
    }

    private void MoveToArchive(int slot, SignalEndReason reason, int archivedOnDay)
    {
        if (_batch is not null)
        {
            UndoChains(_batch, _slots[slot].Youth);
        }

        LeaveActiveChain(slot);
        ref var s = ref _slots[slot];
        s.State = SignalSlot.Archived;
        s.Day = archivedOnDay;

        // A signal past its end date may already have been offered as the archived match it was; it is offered once only.
        s.Next = _archive.HeadOf(s.Youth);
        _archive.SetHead(s.Youth, slot);
        NoteDue(slot);
        Volatile.Write(ref _activeCount, _activeCount - 1);
        Volatile.Write(ref _archivedCount, _archivedCount + 1);
        CountEnded(reason);
    }

    /// <summary>
    /// Archives a signal whose active period ended where it lies in its youth's active chain, for the daily job. Every
    /// walk of an active chain already passes over a signal past its end date (and a registration offers it once as the
    /// archived match it is), so moving it to the archive chain would only cost the job two lookups in the youth tables
    /// per signal: at a region's size, misses that were most of a night's work. It stays archived as of its end date.
    /// </summary>
    private void ArchiveInPlace(int slot, SignalEndReason reason)
    {
        if (_batch is not null)
        {
            UndoSlotChange(_batch, slot);
        }

        ref var s = ref _slots[slot];
        s.State = SignalSlot.Archived;
        s.ArchivedInPlace = true;
        NoteDue(slot);
        Volatile.Write(ref _activeCount, _activeCount - 1);
        Volatile.Write(ref _archivedCount, _archivedCount + 1);
        CountEnded(reason);
    }

    /// <summary>The table whose chain holds the slot: an archived slot is in the active chain when the daily job archived it there.</summary>
    private YouthTable ChainOf(int slot) => _slots[slot].State == SignalSlot.Archived && !_slots[slot].ArchivedInPlace ? _archive : _active;

    private void RemoveActive(int slot, SignalEndReason reason)
    {
        ReleaseFromChain(_active, slot, new SignalId(_slots[slot].Id));
        Volatile.Write(ref _activeCount, _activeCount - 1);
        CountEnded(reason);
    }

    private void RemoveArchived(int slot)
    {
        ReleaseFromChain(ChainOf(slot), slot, new SignalId(_slots[slot].Id));
        Volatile.Write(ref _archivedCount, _archivedCount - 1);
    }

    /// <summary>Unlinks a slot from its chain, frees it and forgets the answers naming its signal; in a batch, says how to undo all three.</summary>
    private void ReleaseFromChain(YouthTable table, int slot, SignalId id)
    {
        if (_batch is not null)
        {
            UndoChains(_batch, _slots[slot].Youth);
        }

        _idempotency.ForgetSignal(id, _batch?.Undo);
        var key = _slots[slot].Youth;
        if (table == _active)
        {
            LeaveActiveChain(slot);
        }
        else
        {
            Unlink(table, slot);
        }

        _expiry.Left(slot);
        _slots.Release(slot);
        if (_batch is not null)
        {
            UndoRelease(_batch, slot);
        }

        // The youth's date of birth goes with its last signal.
        if (_active.HeadOf(key) == NoSlot && _archive.HeadOf(key) == NoSlot)
        {
            KeepAgeLimit(key, SignalLifetime.NoAgeLimit);
        }
    }

    private void CountEnded(SignalEndReason reason)
    {
        if (_batch is not null)
        {
            DeferEnded(_batch, reason);
            return;
        }

        IndexMetrics.SignalEnded(reason);
    }

    private void Unlink(YouthTable table, int slot)
    {
        var key = _slots[slot].Youth;
        var head = table.HeadOf(key);
        if (head == slot)
        {
            table.SetHead(key, _slots[slot].Next);
            return;
        }

        for (var previous = head; previous != NoSlot; previous = _slots[previous].Next)
        {
            if (_slots[previous].Next == slot)
            {
                _slots[previous].Next = _slots[slot].Next;
                return;
            }
        }
    }
}
