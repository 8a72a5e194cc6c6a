using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Telemetry;
using NodaTime;

namespace CareCoordination.Sdk.Index;

// Registration: one signal or a batch, with its matches, renewals and idempotent retries.
public sealed partial class ReferenceIndex
{
    /// <summary>
    /// Registers a signal and returns the matches it found in a new array. Allocates only when it found matches; use
    /// <see cref="Register(in SignalRegistration, Span{Match})"/> to allocate nothing at all.
    /// </summary>
    /// <param name="registration">The signal to register.</param>
    /// <returns>What happened: registered with its matches, renewed, or refused with the reason.</returns>
    public RegistrationResult Register(in SignalRegistration registration) =>
        _durable is not null ? RegisterInOneChange(registration, default)
        : registration.IdempotencyKey is null ? RegisterCore(registration, default, copyToArray: true, null) : RegisterOnce(registration, default);

    /// <summary>
    /// Registers a signal and writes the matches it found into <paramref name="matches"/>, allocating nothing.
    /// Matches that do not fit are still found and still raised as events; <see cref="RegistrationResult.MatchCount"/>
    /// says how many there were.
    /// </summary>
    /// <param name="registration">The signal to register.</param>
    /// <param name="matches">Where to write the matches, seen from the new signal's side.</param>
    /// <returns>What happened: registered, renewed, or refused with the reason.</returns>
    internal RegistrationResult Register(in SignalRegistration registration, Span<Match> matches) =>
        _durable is not null ? RegisterInOneChange(registration, matches)
        : registration.IdempotencyKey is null ? RegisterCore(registration, matches, copyToArray: false, null) : RegisterOnce(registration, matches);

    /// <summary>
    /// Registers many signals as one change, for a bulk import or a vendor's queue: each registration is checked and
    /// answered on its own (a refused one is answered refused and the others go on), later ones match earlier ones in
    /// the same batch, and everything accepted is written to the store in one transaction. When that write fails, none
    /// of the batch is registered, no event is raised, and the exception reaches the caller.
    /// </summary>
    /// <param name="registrations">The signals to register, in order.</param>
    /// <returns>One result per registration, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrations"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<RegistrationResult> RegisterBatch(IReadOnlyList<SignalRegistration> registrations)
    {
        Guard.NotNull(registrations);
        if (_durable is not null)
        {
            using var activity = StartRegisterActivity(registrations.Count);
            return Durably(() => RegisterAll(registrations));
        }

        PendingBatch batch;
        RegistrationResult[] results;
        lock (_gate)
        {
            batch = _batch = new PendingBatch(_lastId, _activeCount, _archivedCount);
            try
            {
                results = RegisterAll(registrations);
                if (_store is not null && batch.Commits.Count > 0)
                {
                    _store.Commit(PendingBatch.Merge(batch.Commits));
                }
            }
            catch
            {
                Undo(batch);
                throw;
            }
            finally
            {
                _batch = null;
            }

            foreach (var deferred in batch.Deferred)
            {
                deferred();
            }
        }

        return results;
    }

    /// <summary>
    /// Registers a signal and completes with the matches it found once the registration, and everything it set off, is
    /// durable. With a store that commits change sets, concurrent registrations share one transaction and one flush, and
    /// the index lock is never held across the store's call. Cancelled before the registration is queued for its
    /// commit, nothing happened; once it is queued, it completes.
    /// </summary>
    /// <param name="registration">The signal to register.</param>
    /// <param name="cancellationToken">Cancels the registration until it is queued for its commit.</param>
    /// <returns>What happened: registered with its matches, renewed, or refused with the reason.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled before the registration was queued; nothing changed.</exception>
    public async Task<RegistrationResult> RegisterAsync(SignalRegistration registration, CancellationToken cancellationToken = default) =>
        (await RegisterBatchAsync([registration], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Registers many signals as one change, like <see cref="RegisterBatch(IReadOnlyList{SignalRegistration})"/>, and
    /// completes once the batch is durable. Cancelled before the batch is queued for its commit, nothing happened; once
    /// it is queued, it completes.
    /// </summary>
    /// <param name="registrations">The signals to register, in order.</param>
    /// <param name="cancellationToken">Cancels the batch until it is queued for its commit.</param>
    /// <returns>One result per registration, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrations"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the batch was queued; nothing changed.</exception>
    public async Task<IReadOnlyList<RegistrationResult>> RegisterBatchAsync(IReadOnlyList<SignalRegistration> registrations, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(registrations);
        cancellationToken.ThrowIfCancellationRequested();
        if (_durable is null)
        {
            return RegisterBatch(registrations);
        }

        using var activity = StartRegisterActivity(registrations.Count);
        return await DurablyAsync(() => RegisterAll(registrations), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers a signal whose registration is made inside the operation, so that what making it writes (a substitute
    /// number the facility issues) commits and rolls back with the registration, and completes once both are durable.
    /// </summary>
    /// <param name="registration">Makes the registration; it runs once, in the operation.</param>
    /// <param name="cancellationToken">Cancels the registration until it is queued for its commit.</param>
    internal async Task<RegistrationResult> RegisterAsync(Func<SignalRegistration> registration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_durable is null)
        {
            return Register(registration());
        }

        using var activity = StartRegisterActivity(1);
        return (await DurablyAsync(() => RegisterAll([registration()]), cancellationToken).ConfigureAwait(false))[0];
    }

    private static System.Diagnostics.Activity? StartRegisterActivity(int count)
    {
        var activity = CareCoordinationActivities.Source.StartActivity(CareCoordinationTelemetry.RegisterActivity);
        activity?.SetTag(CareCoordinationTelemetry.RegistrationCountTag, count);
        return activity;
    }

    /// <summary>Registers each of a batch under way, in order.</summary>
    private RegistrationResult[] RegisterAll(IReadOnlyList<SignalRegistration> registrations)
    {
        var results = new RegistrationResult[registrations.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var registration = registrations[i];
            results[i] = registration.IdempotencyKey is null ? RegisterCore(registration, default, copyToArray: true, null) : RegisterOnce(registration, default);
        }

        return results;
    }

    /// <summary>
    /// Registers one signal as one change with a store that commits change sets: the signal, the information obligation
    /// and the case its matches open or join are written in one transaction, and events and metrics go out after it.
    /// When anything fails, the index and every participant are exactly as before.
    /// </summary>
    private RegistrationResult RegisterInOneChange(in SignalRegistration registration, Span<Match> matches)
    {
        // A batch of one: the batch already undoes the index and defers the listeners when its change set fails.
        var result = RegisterBatch([registration])[0];
        var found = result.Matches;
        for (var i = 0; i < found.Count && i < matches.Length; i++)
        {
            matches[i] = found[i];
        }

        return result;
    }

    /// <summary>
    /// Registers a keyed registration once: a key seen within the window answers its first result and changes nothing;
    /// a key seen for another youth or organisation is refused. A store writes the key and its answer in the same commit
    /// as the registration, so a retry after a restart gets the first answer too.
    /// </summary>
    private RegistrationResult RegisterOnce(in SignalRegistration registration, Span<Match> destination)
    {
        // Held and stored hashed: a vendor's key may be built from a BSN.
        var key = _keying.IdempotencyKeyOf(registration.IdempotencyKey!);
        var youth = KeyOf(registration.Youth.Bsn);
        var organisation = registration.Organisation.Value;
        lock (_gate)
        {
            var now = _clock.GetCurrentInstant();
            if (_idempotency.TryRecall(key, now - Policy.IdempotencyWindow, out var remembered))
            {
                // A tombstone no longer knows the youth, so only the organisation can tell a conflict from a retry.
                if ((!remembered.Removed && remembered.Youth != youth) || remembered.Organisation != organisation)
                {
                    IndexMetrics.RegistrationRefused(RegistrationRefusal.IdempotencyKeyConflict);
                    return RegistrationResult.Refused(
                        RegistrationRefusal.IdempotencyKeyConflict,
                        SignalMessages.IdempotencyKeyConflict);
                }

                if (remembered.Removed)
                {
                    IndexMetrics.RegistrationRefused(RegistrationRefusal.IdempotencyKeySignalRemoved);
                    return RegistrationResult.Refused(RegistrationRefusal.IdempotencyKeySignalRemoved, SignalMessages.IdempotencyKeySignalRemoved);
                }

                return Answer(remembered.Outcome, Reveal(remembered.Signal), Array.ConvertAll(remembered.Matches, Reveal), destination);
            }

            var result = RegisterCore(registration, default, copyToArray: true, key);
            if (result.IsRefused)
            {
                return result;
            }

            var matches = new Match[result.MatchCount];
            for (var i = 0; i < matches.Length; i++)
            {
                matches[i] = result.Matches[i];
            }

            if (_batch is not null)
            {
                _batch.Undo.Add(_idempotency.UndoOf(key));
            }

            _idempotency.Remember(key, new IdempotencyMemory.Answer(youth, organisation, now, result.Outcome, Conceal(result.Signal), Array.ConvertAll(matches, Conceal)));
            return Answer(result.Outcome, result.Signal, matches, destination);
        }
    }

    /// <summary>Answers a keyed registration with a copy of its matches, so that no caller can change what a retry gets.</summary>
    private static RegistrationResult Answer(RegistrationOutcome outcome, in Signal signal, Match[] matches, Span<Match> destination)
    {
        matches.AsSpan(0, Math.Min(matches.Length, destination.Length)).CopyTo(destination);
        return RegistrationResult.Succeeded(outcome, signal, matches.Length == 0 ? null : (Match[])matches.Clone(), matches.Length);
    }

    private RegistrationResult RegisterCore(in SignalRegistration registration, Span<Match> destination, bool copyToArray, string? idempotencyKey)
    {
        if (registration.IsDefault)
        {
            IndexMetrics.RegistrationRefused(RegistrationRefusal.InvalidRegistration);
            return RegistrationResult.Refused(RegistrationRefusal.InvalidRegistration, SignalMessages.EmptyRegistration);
        }

        // The youth's row starts loading while the rules are checked, which read only the directory.
        var key = KeyOf(registration.Youth.Bsn);
        _active.Prefetch(key);
        var now = _clock.GetCurrentInstant();
        var today = _calendar.DayOf(now);
        if (!_authorisation.TryAuthorise(registration, today, out var refusal, out var message, out var expiresOn, out var expiry, out var ageLimitDay, out var rank))
        {
            IndexMetrics.RegistrationRefused(refusal);
            return RegistrationResult.Refused(refusal, message!);
        }

        var organisation = registration.Organisation.Value;
        lock (_gate)
        {
            // Each step below is likely a cache miss in a region's index, and each is found through the one before:
            // the youth's row, then its chains' first slots and its run of siblings, then the siblings' rows and their
            // first slots. Every load is started as soon as its address is known and walked only after the next
            // level is on its way, so that the misses of one level overlap instead of following one another.
            // The row is searched for once and its values read before anything below adds or removes a row.
            var row = _youths.Find(key);
            var head = _youths.ValueAt(row, YouthRows.Active);
            var archiveHead = _youths.ValueAt(row, YouthRows.Archive);
            _slots.Prefetch(head);
            _slots.Prefetch(archiveHead);
            var siblings = _families.SiblingsAt(row);
            var keptAgeLimit = _youths.ValueAt(row, YouthRows.AgeLimit);
            var siblingHeads = _matching.SiblingHeadsOf(siblings);
            var ageLimit = _lifetime.AgeLimitAfter(keptAgeLimit, expiresOn, ageLimitDay);
            var own = _matching.FindInChain(head, organisation, today.DayNumber);
            if (own != NoSlot)
            {
                return Renew(own, head, today.DayNumber, registration, now, expiresOn, expiry, keptAgeLimit, ageLimit, idempotencyKey);
            }

            var id = _lastId + 1;
            int count;
            OrganisationId coordinator;
            // Asked first: with nobody listening, starting an activity still costs a call chain on every registration.
            using (CareCoordinationActivities.Source.HasListeners() ? CareCoordinationActivities.Source.StartActivity(CareCoordinationTelemetry.MatchActivity) : null)
            {
                count = _matching.Collect(head, archiveHead, siblings, siblingHeads, organisation, includeArchive: true, today.DayNumber, _lifetime.ArchiveCutoff(today.DayNumber, today.Date));

                // A youth given before with an earlier birth date is past that age limit: its archive is gone.
                if (ageLimit != SignalLifetime.NoAgeLimit && ageLimit <= today.DayNumber)
                {
                    count = _matching.WithoutArchived(count);
                }
                coordinator = count == 0 ? default : _matching.DesignateCoordinator(organisation, rank, id, count);
            }

            var ticks = now.ToUnixTimeTicks();
            var signal = new Signal(new SignalId(id), registration.Youth.Bsn, registration.Organisation, registration.Reporter, ticks, expiresOn, expiry);
            if (_store is not null)
            {
                Commit(_rows.Registration(signal, key, ageLimit, _matching, count, coordinator, now, idempotencyKey));
            }

            KeepAgeLimit(key, keptAgeLimit, ageLimit);

            _lastId = id;
            var slot = _slots.Take();
            if (_batch is not null)
            {
                UndoNewSlot(_batch, key, slot);
            }

            ref var s = ref _slots[slot];
            s.Id = id;
            s.RegisteredTicks = ticks;
            s.Youth = key;
            s.Organisation = organisation;
            s.Reporter = registration.Reporter.Value;
            s.Day = expiresOn;
            s.Expiry = (byte)expiry;
            s.State = SignalSlot.Active;
            s.Next = head;
            _active.SetHead(key, slot);
            _rows.KeepNumber(key, registration.Youth.Bsn);
            var lastActive = LastActiveDay(head);
            MoveSignalled(lastActive, Math.Max(lastActive, expiresOn), today.DayNumber);
            Volatile.Write(ref _activeCount, _activeCount + 1);
            NoteDue(slot, expiresOn);
            for (var i = 0; i < count; i++)
            {
                if (_matching.KindAt(i) == MatchKind.Archived)
                {
                    var offered = _matching.SlotAt(i);
                    if (_batch is not null)
                    {
                        UndoSlotChange(_batch, offered);
                    }

                    _slots[offered].Offered = true;
                }
            }

            Count(IndexMetrics.SignalRegistered);
            if (HasAudience)
            {
                Publish(new SignalRegistered(signal, registration.Youth.DateOfBirth), static (o, e) => o.OnSignalRegistered(e));
            }

            var array = copyToArray && count > 0 ? new Match[count] : null;
            for (var i = 0; i < count; i++)
            {
                var match = new Match(_matching.KindAt(i), signal, ToSignal(_matching.SlotAt(i), key, registration.Youth.Bsn), coordinator, _matching.FamilyAt(i), now);
                if (_batch is null)
                {
                    IndexMetrics.MatchFound(match.Kind);
                }
                else
                {
                    DeferMatchMetric(_batch, match.Kind);
                }

                if (HasAudience)
                {
                    Publish(new MatchFound(match), static (o, e) => o.OnMatchFound(e));
                }

                if (array is not null)
                {
                    array[i] = match;
                }
                else if (i < destination.Length)
                {
                    destination[i] = match;
                }
            }

            return RegistrationResult.Succeeded(RegistrationOutcome.Registered, signal, array, count);
        }
    }

    private RegistrationResult Renew(int slot, int head, int today, in SignalRegistration registration, Instant now, int expiresOn, SignalExpiry expiry, int keptAgeLimit, int ageLimit, string? idempotencyKey)
    {
        if (_store is not null)
        {
            var renewed = _rows.Of(slot) with { RegisteredTicks = now.ToUnixTimeTicks(), Reporter = registration.Reporter, DayNumber = expiresOn, Expiry = expiry, AgeLimitDayNumber = SignalRows.AgeLimitColumn(ageLimit) };
            var key = _slots[slot].Youth;
            Commit(new SignalCommit([renewed], [], [EventDocuments.Renewed(_rows.SignalOf(renewed))])
            {
                IdempotencyKeys = idempotencyKey is null
                    ? []
                    : [EventDocuments.Remember(idempotencyKey, now, new RememberedAnswerDocument(key, renewed.Organisation.Value, RegistrationOutcome.Renewed, SignalRows.Remembered(renewed, key), []))],
            });
        }

        if (_batch is not null)
        {
            UndoSlotChange(_batch, slot);
        }

        KeepAgeLimit(_slots[slot].Youth, keptAgeLimit, ageLimit);
        if (_slots[slot].Day != expiresOn)
        {
            _expiry.Left(slot);
        }

        // Most renewals are of a youth's only signal, the head of its chain: then the walk past it is not needed.
        var lastActive = slot == head && _slots[slot].Next == NoSlot ? _slots[slot].Day : LastActiveDay(head);
        ref var s = ref _slots[slot];
        var previous = Instant.FromUnixTimeTicks(s.RegisteredTicks);
        s.RegisteredTicks = now.ToUnixTimeTicks();
        s.Reporter = registration.Reporter.Value;
        var moved = s.Day != expiresOn;
        s.Day = expiresOn;
        s.Expiry = (byte)expiry;

        // A renewed signal moves to its new end date in the calendar; its old entry is passed over when that day comes.
        if (moved)
        {
            NoteDue(slot);
            MoveSignalled(lastActive, expiresOn >= lastActive ? expiresOn : LastActiveDay(head), today);
        }

        var signal = ToSignal(slot);
        Count(IndexMetrics.SignalRenewed);
        if (HasAudience)
        {
            Publish(new SignalRenewed(signal, previous), static (o, e) => o.OnSignalRenewed(e));
        }

        return RegistrationResult.Succeeded(RegistrationOutcome.Renewed, signal, null, 0);
    }

    private void UndoNewSlot(PendingBatch batch, int key, int slot)
    {
        batch.Youths.Add(key);
        batch.Undo.Add(() =>
        {
            _active.SetHead(key, _slots[slot].Next);
            _expiry.Left(slot);
            _slots.Release(slot);
        });
    }

    private void UndoSlotChange(PendingBatch batch, int slot)
    {
        var before = _slots[slot];
        batch.Youths.Add(before.Youth);
        batch.Undo.Add(() =>
        {
            _slots[slot] = before;
            _expiry.Add(slot);
        });
    }

    /// <summary>Writes one change to the store, or keeps it for the batch's one transaction.</summary>
    private void Commit(SignalCommit commit)
    {
        if (_batch is not null)
        {
            _batch.Commits.Add(commit);
            return;
        }

        _store!.Commit(commit);
    }

    private void Count(Action metric)
    {
        if (_batch is not null)
        {
            _batch.Deferred.Add(metric);
            return;
        }

        metric();
    }

    /// <summary>Puts back everything a batch changed, newest first, when its one write failed.</summary>
    private void Undo(PendingBatch batch)
    {
        for (var i = batch.Undo.Count - 1; i >= 0; i--)
        {
            batch.Undo[i]();
        }

        _lastId = batch.LastId;
        Volatile.Write(ref _activeCount, batch.ActiveCount);
        Volatile.Write(ref _archivedCount, batch.ArchivedCount);
    }
}
