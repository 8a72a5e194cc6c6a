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

/// <summary>
/// The index's memory of idempotency keys: the first answer to each keyed registration, so that a client retrying
/// after a timeout gets that answer again instead of a second registration. Answers hold youths by the index's key
/// (their pseudonym in a pseudonymised index). An answer stays the answer to its key until the key expires, whatever
/// happens to the signals it names: a removed signal of another party is taken out of its matches, so that no cache
/// keeps that party's data, but the key keeps its answer, so that a retry neither registers again nor renews. When
/// the answer's own signal is erased, the answer becomes a tombstone without the youth or the matches, which refuses
/// every retry of the key (<see cref="RegistrationRefusal.IdempotencyKeySignalRemoved"/>) until the key expires.
/// Keys are held as the index's keying hashes them (<see cref="YouthKeying.IdempotencyKeyOf"/>), as the store holds them.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
internal sealed class IdempotencyMemory
{
    private readonly Dictionary<string, Answer> _answers = new(StringComparer.Ordinal);

    // The keys whose answers may name a signal, as its own or in a match: a removal finds the answers it changes without
    // reading every answer, so removing many signals against many keys stays linear. A key listed here whose answer no
    // longer names the signal is passed over; every answer put in memory is listed under each signal it names.
    private readonly Dictionary<long, List<string>> _bySignal = [];

    // Keys the store still holds past their window, read at start-up; the next expiry run deletes them from the store.
    private bool _expiredKeysInStore;

    // Keys a store written before keys were hashed holds in clear, read at start-up: the index rewrites them hashed.
    private List<string>? _clearKeysInStore;
    private List<StoredIdempotencyKey>? _hashedAgain;

    /// <summary>Recalls the answer to a key used after <paramref name="windowStart"/>.</summary>
    public bool TryRecall(string key, Instant windowStart, out Answer answer) =>
        _answers.TryGetValue(key, out answer!) && answer.At > windowStart;

    /// <summary>Remembers the answer to a key.</summary>
    public void Remember(string key, Answer answer)
    {
        _answers[key] = answer;
        List(key, answer);
    }

    // A closure in ForgetUpTo itself would be allocated on every call, undo or not: the compiler makes its captures
    // when the method starts.
    private Action UndoOfStoreFlag()
    {
        var expiredKeysInStore = _expiredKeysInStore;
        return () => _expiredKeysInStore = expiredKeysInStore;
    }

    /// <summary>Gets how to put back what the memory held for a key before a batch that may fail changes it.</summary>
    public Action UndoOf(string key)
    {
        var had = _answers.TryGetValue(key, out var previous);
        return () =>
        {
            if (had)
            {
                _answers[key] = previous!;
                List(key, previous!);
            }
            else
            {
                _answers.Remove(key);
            }
        };
    }

    /// <summary>
    /// Returns the tombstones the store writes in the commit that erases signals, for the answers whose own signal it
    /// erases and whose key is still in its window: the store drops the answer linked to an erased signal, and the
    /// tombstone, linked to no signal, takes its place.
    /// </summary>
    /// <param name="erased">The signals the commit erases.</param>
    /// <param name="windowStart">The start of the idempotency window.</param>
    /// <returns>The tombstones, or an empty list.</returns>
    public IReadOnlyList<StoredIdempotencyKey> TombstonesFor(IReadOnlyList<SignalId> erased, Instant windowStart)
    {
        if (_answers.Count == 0 || erased.Count == 0)
        {
            return [];
        }

        List<StoredIdempotencyKey>? tombstones = null;
        foreach (var (key, answer) in Naming(erased))
        {
            if (!answer.Removed && answer.At > windowStart && erased.Contains(answer.Signal.Id))
            {
                var s = answer.Signal;
                var document = new RememberedAnswerDocument(
                    0,
                    answer.Organisation,
                    answer.Outcome,
                    new RememberedSignalDocument(s.Id.Value, 0, s.Organisation.Value, s.Reporter.Value, s.RegisteredAt.ToUnixTimeTicks(), LocalCalendar.DayNumber(s.ExpiresOn), s.Expiry),
                    [],
                    Removed: true);
                (tombstones ??= []).Add(EventDocuments.RememberRemoved(key, answer.At, document));
            }
        }

        return tombstones ?? [];
    }

    /// <summary>
    /// Takes a removed signal out of the answers' matches, so that no cache keeps another party's removed data. Those
    /// answers stay until their keys expire: forgetting one would let a retry register or renew again. An answer whose
    /// own signal was removed becomes a tombstone without its youth and matches, as in the store.
    /// </summary>
    /// <param name="removed">The removed signal.</param>
    /// <param name="undo">Where to say how to put the answers back, when the change may still be rolled back.</param>
    public void ForgetSignal(SignalId removed, List<Action>? undo)
    {
        if (_answers.Count == 0)
        {
            return;
        }

        if (!_bySignal.Remove(removed.Value, out var listed))
        {
            return;
        }

        foreach (var key in listed)
        {
            if (!_answers.TryGetValue(key, out var answer) || !Names(answer, removed))
            {
                continue;
            }

            undo?.Add(UndoOf(key));
            if (answer.Signal.Id == removed)
            {
                Unlist(key, answer);
                _answers[key] = Tombstone(answer.Organisation, answer.At, answer.Outcome);
                continue;
            }

            _answers[key] = answer with { Matches = Without(answer.Matches, removed) };
        }
    }

    // Its own method: a lambda capturing the removed signal in ForgetSignal would allocate its closure on every call,
    // which the daily job makes once per signal it deletes, remembered keys or not.
    private static Match[] Without(Match[] matches, SignalId removed) => Array.FindAll(matches, m => !m.Involves(removed));

    /// <summary>Tells whether any key was first used at or before the cutoff, here or (read at start-up) in the store.</summary>
    public bool HasKeysUpTo(Instant cutoff)
    {
        if (_expiredKeysInStore)
        {
            return true;
        }

        foreach (var answer in _answers.Values)
        {
            if (answer.At <= cutoff)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Forgets the keys first used at or before the cutoff.</summary>
    /// <param name="cutoff">The end of the window.</param>
    /// <param name="forgottenInStore">Whether the store forgot them too in the same change.</param>
    /// <param name="undo">Where to say how to put the keys back, when the change may still be rolled back.</param>
    public void ForgetUpTo(Instant cutoff, bool forgottenInStore, List<Action>? undo)
    {
        if (undo is not null)
        {
            undo.Add(UndoOfStoreFlag());
        }

        if (forgottenInStore)
        {
            _expiredKeysInStore = false;
        }

        if (_answers.Count == 0)
        {
            return;
        }

        foreach (var (key, answer) in _answers)
        {
            if (answer.At <= cutoff)
            {
                undo?.Add(UndoOf(key));
                _answers.Remove(key);
                Unlist(key, answer);
            }
        }
    }

    /// <summary>Takes back a key from the store, unless its window has passed (the next expiry run then deletes it from the store).</summary>
    /// <param name="stored">The stored key and answer.</param>
    /// <param name="windowStart">The start of the idempotency window.</param>
    /// <param name="stillStored">Whether a signal is still in the store: the matches of erased signals are left out, as <see cref="ForgetSignal"/> does in memory.</param>
    /// <param name="keying">The index's keying, which hashes a key the store still holds in clear.</param>
    public void Restore(StoredIdempotencyKey stored, Instant windowStart, Func<SignalId, bool> stillStored, YouthKeying keying)
    {
        if (!YouthKeying.IsHashedIdempotencyKey(stored.Key))
        {
            // Written before keys were hashed: the clear key goes, and one still in its window comes back hashed.
            (_clearKeysInStore ??= []).Add(stored.Key);
            if (stored.At > windowStart)
            {
                var old = EventDocuments.ReadRemembered(stored);
                var key = keying.IdempotencyKeyOf(stored.Key);
                var hashed = old.Removed ? EventDocuments.RememberRemoved(key, stored.At, old) : EventDocuments.Remember(key, stored.At, old);
                (_hashedAgain ??= []).Add(hashed);
                stored = hashed;
            }
        }

        if (stored.At <= windowStart)
        {
            _expiredKeysInStore = true;
            return;
        }

        var answer = EventDocuments.ReadRemembered(stored);
        if (answer.Removed)
        {
            _answers[stored.Key] = Tombstone(answer.Organisation, stored.At, answer.Outcome);
            return;
        }

        var signal = FromRemembered(answer.Signal);
        var matches = new List<Match>(answer.Matches.Count);
        foreach (var m in answer.Matches)
        {
            var other = FromRemembered(m.Other);
            if (stillStored(other.Id))
            {
                matches.Add(new Match(m.Kind, signal, other, new OrganisationId(m.MatchCoordinator), m.Family is { } family ? new FamilyId(family) : null, m.FoundAt));
            }
        }

        Remember(stored.Key, new Answer(answer.Youth, answer.Organisation, stored.At, answer.Outcome, signal, [.. matches]));
    }

    /// <summary>
    /// Returns the change that replaces the keys the store holds in clear, read at start-up, by their hashes, or
    /// <see langword="null"/> when there were none; the index writes it before it takes any registration.
    /// </summary>
    public SignalCommit? TakeClearKeysInStore()
    {
        if (_clearKeysInStore is null)
        {
            return null;
        }

        var commit = new SignalCommit([], [], []) { ForgetIdempotencyKeys = _clearKeysInStore, IdempotencyKeys = _hashedAgain ?? [] };
        _clearKeysInStore = null;
        _hashedAgain = null;
        return commit;
    }

    private static bool Names(Answer answer, SignalId signal)
    {
        if (answer.Signal.Id == signal)
        {
            return true;
        }

        foreach (var match in answer.Matches)
        {
            if (match.Involves(signal))
            {
                return true;
            }
        }

        return false;
    }

    private void List(string key, Answer answer)
    {
        if (answer.Removed)
        {
            return;
        }

        ListUnder(answer.Signal.Id.Value, key);
        foreach (var match in answer.Matches)
        {
            ListUnder(match.OtherSignal.Value, key);
        }
    }

    private void ListUnder(long signal, string key)
    {
        if (!_bySignal.TryGetValue(signal, out var keys))
        {
            _bySignal[signal] = keys = new List<string>(1);
        }

        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    private void Unlist(string key, Answer answer)
    {
        if (answer.Removed)
        {
            return;
        }

        UnlistUnder(answer.Signal.Id.Value, key);
        foreach (var match in answer.Matches)
        {
            UnlistUnder(match.OtherSignal.Value, key);
        }
    }

    private void UnlistUnder(long signal, string key)
    {
        if (_bySignal.TryGetValue(signal, out var keys) && keys.Remove(key) && keys.Count == 0)
        {
            _bySignal.Remove(signal);
        }
    }

    // The answers that name any of the signals, each once.
    private IEnumerable<KeyValuePair<string, Answer>> Naming(IReadOnlyList<SignalId> signals)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signal in signals)
        {
            if (!_bySignal.TryGetValue(signal.Value, out var keys))
            {
                continue;
            }

            foreach (var key in keys)
            {
                if (seen.Add(key) && _answers.TryGetValue(key, out var answer))
                {
                    yield return new(key, answer);
                }
            }
        }
    }

    private static Signal FromRemembered(RememberedSignalDocument d) =>
        new(new SignalId(d.Id), Bsn.FromStoredKey(d.Youth), new OrganisationId(d.Organisation), new ProfessionalId(d.Reporter), d.RegisteredTicks, d.Day, d.Expiry);

    private static Answer Tombstone(int organisation, Instant at, RegistrationOutcome outcome) => new(0, organisation, at, outcome, default, [], Removed: true);

    /// <summary>A remembered answer: for which youth key and organisation, when, and what the registration answered; a tombstone (<paramref name="Removed"/>) once its own signal was erased.</summary>
    public sealed record Answer(int Youth, int Organisation, Instant At, RegistrationOutcome Outcome, Signal Signal, Match[] Matches, bool Removed = false);
}
