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

// The daily expiry run (domain rule 4): what falls due by the expiry calendar moves into the archive or out of the index.
public sealed partial class ReferenceIndex
{
    // How far ahead of the slot it is ending a night's pass starts loading a youth's row: far enough for a miss to
    // arrive, near enough that the row is still in the cache when the pass reaches it.
    private const int RowsAhead = 8;

    /// <summary>
    /// Applies the lifetime rules as of now: active signals past their active period move to the archive, signals of
    /// youths who reached the age limit are removed, and archived signals past the archive period are deleted. Run it
    /// at least daily.
    /// </summary>
    /// <returns>What it did.</returns>
    public ExpiryReport ExpireDue() => _durable is null ? ExpireDueCore() : Durably(ExpireDueCore);

    /// <summary>Applies the lifetime rules as of now, like <see cref="ExpireDue"/>, and completes once the run is durable.</summary>
    /// <param name="cancellationToken">Cancels the run until it is queued for its commit.</param>
    /// <returns>What it did.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before the run was queued; nothing changed.</exception>
    public async Task<ExpiryReport> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _durable is null ? ExpireDueCore() : await DurablyAsync(ExpireDueCore, cancellationToken).ConfigureAwait(false);
    }

    private ExpiryReport ExpireDueCore()
    {
        var now = _clock.GetCurrentInstant();
        var day = _calendar.DayOf(now);
        var todayNumber = day.DayNumber;
        lock (_gate)
        {
            var archiveCutoff = _lifetime.ArchiveCutoff(todayNumber, day.Date);
            var keyCutoff = now - Policy.IdempotencyWindow;
            if (_store is null && _observers.Length == 0 && _durable is null)
            {
                return ExpireInOnePass(todayNumber, archiveCutoff, keyCutoff);
            }

            var keysExpired = _idempotency.HasKeysUpTo(keyCutoff);
            var due = DueForExpiry(todayNumber, archiveCutoff);
            var commit = _store is not null && (due.Count > 0 || keysExpired) ? ExpiryCommit(due, now, keysExpired ? keyCutoff : null) : null;
            // A night's run ends thousands of signals at a region's size: their events are built only for someone to hear them.
            var events = _observers.Length == 0 ? NoEvents : ExpiryEvents(due, now);

            // With nothing to write and nobody to hear, the run only changes memory, and allocates nothing for it.
            return commit is null && events.Count == 0 && _durable is null
                ? ApplyExpiry(due, todayNumber, keyCutoff, forgottenInStore: false)
                : WriteThenApplyExpiry(commit, events, due, todayNumber, keyCutoff);
        }
    }

    // The closure lives in a method of its own: in ExpireDueCore it would be allocated on every run, needed or not.
    private ExpiryReport WriteThenApplyExpiry(SignalCommit? commit, List<Action<IReferenceIndexObserver[]>> events, List<(int Slot, SignalEndReason Reason)> due, int todayNumber, Instant keyCutoff)
    {
        var report = default(ExpiryReport);
        WriteThenApply(commit, events, () => report = ApplyExpiry(due, todayNumber, keyCutoff, forgottenInStore: commit is not null));
        return report;
    }

    /// <summary>Moves what fell due into the archive or out of the index, in memory, once the store has it.</summary>
    private ExpiryReport ApplyExpiry(List<(int Slot, SignalEndReason Reason)> due, int todayNumber, Instant keyCutoff, bool forgottenInStore)
    {
        if (_batch is not null)
        {
            UndoEarliestDue(_batch);
        }

        _idempotency.ForgetUpTo(keyCutoff, forgottenInStore, _batch?.Undo);
        var report = default(ExpiryReport);
        for (var i = 0; i < due.Count; i++)
        {
            if (i + RowsAhead < due.Count)
            {
                PrefetchRowOf(due[i + RowsAhead].Slot);
            }

            End(due[i].Slot, due[i].Reason, ref report);
        }

        return SettleAfterExpiry(todayNumber, report);
    }

    /// <summary>
    /// Ends what fell due, judging each slot as it ends it, for an index with nothing to write and nobody to hear:
    /// nothing then needs the whole list before any of it happens. A night's slots and rows are read once, while they
    /// are in the cache, where judging them all first and ending them after read each again after a night's worth of
    /// others. Ending one slot changes no other's reason: a youth's kept age limit goes only with its last signal, and
    /// then none of its slots is left to judge. Allocates nothing.
    /// </summary>
    private ExpiryReport ExpireInOnePass(int todayNumber, int archiveCutoff, Instant keyCutoff)
    {
        _idempotency.ForgetUpTo(keyCutoff, forgottenInStore: false, undo: null);
        _expiry.DueUpTo(todayNumber, _dueSlots);
        var report = default(ExpiryReport);
        for (var i = 0; i < _dueSlots.Count; i++)
        {
            if (i + RowsAhead < _dueSlots.Count)
            {
                PrefetchRowOf(_dueSlots[i + RowsAhead]);
            }

            var slot = _dueSlots[i];
            End(slot, _lifetime.EndReason(ref _slots[slot], todayNumber, archiveCutoff), ref report);
        }

        return SettleAfterExpiry(todayNumber, report);
    }

    /// <summary>Ends one slot that fell due, for the reason it ends for, and counts it in the run's report.</summary>
    private void End(int slot, SignalEndReason reason, ref ExpiryReport report)
    {
        if (_slots[slot].State == SignalSlot.Archived)
        {
            RemoveArchived(slot);
            report = report with { DeletedFromArchive = report.DeletedFromArchive + 1 };
        }
        else if (reason == SignalEndReason.ActivePeriodEnded)
        {
            // Archived as of the end date, not the day the job ran: the archive period runs from the day the law ended the signal.
            ArchiveInPlace(slot, reason);
            report = report with { Archived = report.Archived + 1 };
        }
        else
        {
            RemoveActive(slot, reason);
            report = report with { RemovedAtAgeLimit = report.RemovedAtAgeLimit + 1 };
        }
    }

    /// <summary>Drops the calendar's days up to today once what fell due has moved on.</summary>
    private ExpiryReport SettleAfterExpiry(int todayNumber, ExpiryReport report)
    {
        // An archived signal is now under the day it leaves the archive, after today.
        _expiry.DropUpTo(todayNumber);
        _signalled.DropUpTo(todayNumber);
        SettleEarliestDue();
        return report;
    }

    // A closure in ApplyExpiry itself would be allocated on every run, batch or not: the compiler makes its captures
    // when the method starts.
    private void UndoEarliestDue(PendingBatch batch)
    {
        var earliestDue = _earliestDue;
        batch.Undo.Add(() => Volatile.Write(ref _earliestDue, earliestDue));
    }

    /// <summary>What an expiry run ends: each slot the calendar holds as due by today, with the reason it ends for.</summary>
    /// <remarks>The lists are the index's own, reused by every run under the lock, so a night's run allocates none.</remarks>
    private List<(int Slot, SignalEndReason Reason)> DueForExpiry(int todayNumber, int archiveCutoff)
    {
        _expiry.DueUpTo(todayNumber, _dueSlots);
        _due.Clear();
        for (var i = 0; i < _dueSlots.Count; i++)
        {
            if (i + RowsAhead < _dueSlots.Count)
            {
                PrefetchRowOf(_dueSlots[i + RowsAhead]);
            }

            var slot = _dueSlots[i];
            _due.Add((slot, _lifetime.EndReason(ref _slots[slot], todayNumber, archiveCutoff)));
        }

        return _due;
    }

    // The night reads each due slot's youth row as it ends the slot. The calendar started those rows loading when it
    // collected the slots, but a profile at 5M/10M still found the reads missing; so each pass starts the rows a few
    // slots ahead of where it is, and they are in the cache when it gets there.
    private void PrefetchRowOf(int slot) => _lifetime.PrefetchRowOf(_slots[slot].Youth);

    /// <summary>What the observers hear of one expiry run, built before any of it happens.</summary>
    private List<Action<IReferenceIndexObserver[]>> ExpiryEvents(List<(int Slot, SignalEndReason Reason)> due, Instant now)
    {
        var events = new List<Action<IReferenceIndexObserver[]>>(due.Count * 2);
        foreach (var (slot, reason) in due)
        {
            var signal = ToSignal(slot);
            if (_slots[slot].State == SignalSlot.Archived)
            {
                events.Add(to => Deliver(to, new SignalRemoved(signal, reason, WasArchived: true, now), static (o, e) => o.OnSignalRemoved(e)));
                continue;
            }

            events.Add(to => Deliver(to, new SignalExpired(signal, signal.Expiry, now), static (o, e) => o.OnSignalExpired(e)));
            events.Add(reason == SignalEndReason.ActivePeriodEnded
                ? to => Deliver(to, new SignalArchived(signal, reason, signal.ExpiresOn, now), static (o, e) => o.OnSignalArchived(e))
                : to => Deliver(to, new SignalRemoved(signal, reason, WasArchived: false, now), static (o, e) => o.OnSignalRemoved(e)));
        }

        return events;
    }

    /// <summary>Everything one expiry run will do as one commit, written before any of it happens.</summary>
    private SignalCommit ExpiryCommit(List<(int Slot, SignalEndReason Reason)> due, Instant now, Instant? forgetKeysUpTo)
    {
        var upserts = new List<StoredSignal>();
        var erasures = new List<SignalId>();
        var events = new List<StoredEvent>();
        for (var i = 0; i < due.Count; i++)
        {
            var (slot, reason) = due[i];
            var signal = ToSignal(slot);
            if (_slots[slot].State == SignalSlot.Active)
            {
                events.Add(EventDocuments.Expired(signal, now));
            }

            if (reason == SignalEndReason.ActivePeriodEnded)
            {
                upserts.Add(_rows.Archived(slot, signal.ExpiresOn));
                events.Add(EventDocuments.Archived(signal, reason, now));
            }
            else
            {
                erasures.Add(signal.Id);
                events.Add(EventDocuments.Removed(signal, reason, now));
            }
        }

        return new SignalCommit(upserts, erasures, events) { ForgetIdempotencyKeysUpTo = forgetKeysUpTo };
    }
}
