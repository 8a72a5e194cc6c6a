using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Index;

// A youth known by a substitute number gets a BSN (domain rule 3): the signals move to the BSN and keep their matches.
public sealed partial class ReferenceIndex
{
    /// <summary>
    /// Moves every signal, active and archived, of a youth known by a substitute number (<em>verwijsindexservicenummer</em>)
    /// to the BSN the youth got, and the youth's places in families with them. Signals that matched each other under the
    /// substitute number still match under the BSN. Signals already on the BSN from other organisations now match the
    /// moved ones: those matches are raised and returned. When one organisation has a signal under both numbers, the one
    /// registered or renewed later stays and the other is removed as <see cref="SignalEndReason.MergedOnIdentification"/>.
    /// </summary>
    /// <param name="substitute">The substitute number the youth was signalled under.</param>
    /// <param name="bsn">The youth's BSN.</param>
    /// <returns>The matches the move made, seen from the moved signals' side; empty when it made none.</returns>
    /// <remarks>Internal: the move reveals the other organisations' signals on the BSN, so it goes through
    /// <see cref="Privacy.Access.PersonDataAccess.AssignBsn"/>, which checks the actor and leaves the audit record.</remarks>
    /// <exception cref="ArgumentException">An argument is <c>default</c>, or <paramref name="bsn"/> carries a substitute number itself.</exception>
    /// <param name="alsoInOperation">What else belongs to the move, such as its audit records: it runs after the move, in its operation, so it commits and rolls back with it.</param>
    internal IReadOnlyList<Match> AssignBsn(SubstituteNumber substitute, Bsn bsn, Action? alsoInOperation = null) =>
        _durable is null
            ? Then<IReadOnlyList<Match>>(AssignBsnCore(substitute, bsn), alsoInOperation)
            : Durably<IReadOnlyList<Match>>(() => Then(AssignBsnCore(substitute, bsn), alsoInOperation));

    /// <summary>Moves a youth's signals to the BSN like <see cref="AssignBsn(SubstituteNumber, Bsn, Action?)"/> and completes once the move is durable.</summary>
    /// <param name="substitute">The substitute number the youth was signalled under.</param>
    /// <param name="bsn">The youth's BSN.</param>
    /// <param name="alsoInOperation">What else belongs to the move, such as its audit records: it runs in its operation.</param>
    /// <param name="cancellationToken">Cancels the move until it is queued for its commit.</param>
    /// <returns>The matches the move made; empty when it made none.</returns>
    internal async Task<IReadOnlyList<Match>> AssignBsnAsync(SubstituteNumber substitute, Bsn bsn, Action? alsoInOperation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _durable is null
            ? Then<IReadOnlyList<Match>>(AssignBsnCore(substitute, bsn), alsoInOperation)
            : await DurablyAsync<IReadOnlyList<Match>>(() => Then(AssignBsnCore(substitute, bsn), alsoInOperation), cancellationToken).ConfigureAwait(false);
    }

    private List<Match> AssignBsnCore(SubstituteNumber substitute, Bsn bsn)
    {
        Guard.NotDefault(substitute);
        Guard.NotDefault(bsn);
        if (bsn.IsSubstituteNumber)
        {
            throw new ArgumentException("The youth's new number must be a BSN, not another substitute number.", nameof(bsn));
        }

        var now = _clock.GetCurrentInstant();
        lock (_gate)
        {
            var from = KeyOf(substitute.AsIndexKey());
            var to = KeyOf(bsn);
            // What the daily job archived in place lies in the active chains: it moves as archived, and matches nothing.
            var fromActive = Chain(_active.HeadOf(from));
            var moving = fromActive.FindAll(slot => !_slots[slot].ArchivedInPlace);
            var staying = Chain(_active.HeadOf(to)).FindAll(slot => !_slots[slot].ArchivedInPlace);
            var archived = Chain(_archive.HeadOf(from));
            archived.AddRange(fromActive.FindAll(slot => _slots[slot].ArchivedInPlace));

            var duplicates = new List<int>();
            foreach (var slot in moving)
            {
                var same = staying.FindIndex(other => _slots[other].Organisation == _slots[slot].Organisation);
                if (same >= 0)
                {
                    duplicates.Add(_slots[staying[same]].RegisteredTicks >= _slots[slot].RegisteredTicks ? slot : staying[same]);
                }
            }

            moving.RemoveAll(duplicates.Contains);
            staying.RemoveAll(duplicates.Contains);
            var matches = new List<Match>();
            foreach (var slot in moving)
            {
                var signal = ToSignal(slot).WithYouth(bsn);
                foreach (var other in staying)
                {
                    var coordinator = _matching.RankOf(_slots[other].Organisation) < _matching.RankOf(_slots[slot].Organisation)
                        || (_matching.RankOf(_slots[other].Organisation) == _matching.RankOf(_slots[slot].Organisation) && _slots[other].Id < _slots[slot].Id)
                        ? _slots[other].Organisation
                        : _slots[slot].Organisation;
                    matches.Add(new Match(MatchKind.SameYouth, signal, ToSignal(other), new Organisations.OrganisationId(coordinator), null, now));
                }
            }

            var removed = duplicates.ConvertAll(slot => new SignalRemoved(ToSignal(slot), SignalEndReason.MergedOnIdentification, WasArchived: false, now));
            SignalCommit? commit = null;
            if (_store is not null)
            {
                var rows = moving.Concat(archived).Select(slot => _rows.Of(slot) with { Youth = YouthKey.FromTrusted(to) }).ToList();
                var documents = removed.ConvertAll(r => EventDocuments.Removed(r.Signal, r.Reason, now));
                documents.AddRange(matches.Select(m => EventDocuments.MatchFound(m)));
                commit = new SignalCommit(rows, removed.ConvertAll(r => r.Signal.Id), documents);
            }

            var events = removed.ConvertAll<Action<IReferenceIndexObserver[]>>(r => audience => Deliver(audience, r, static (o, e) => o.OnSignalRemoved(e)));
            events.AddRange(matches.Select<Match, Action<IReferenceIndexObserver[]>>(m => audience => Deliver(audience, new MatchFound(m), static (o, e) => o.OnMatchFound(e))));
            WriteThenApply(commit, events, () =>
            {
                if (_batch is not null)
                {
                    // Both youths' chains change: the move and the merge put back together should the group roll back.
                    UndoChains(_batch, from);
                    UndoChains(_batch, to);
                }

                var fromLimit = _lifetime.AgeLimitOf(from);
                foreach (var slot in duplicates)
                {
                    RemoveActive(slot, SignalEndReason.MergedOnIdentification);
                }

                var today = TodayNumber();
                var fromBefore = LastActiveDay(_active.HeadOf(from));
                var toBefore = LastActiveDay(_active.HeadOf(to));
                Rekey(_active, to, moving);
                Rekey(_archive, to, archived);
                MoveSignalled(fromBefore, LastActiveDay(_active.HeadOf(from)), today);
                MoveSignalled(toBefore, LastActiveDay(_active.HeadOf(to)), today);

                // The birthday the archive ends on moves with the signals; the earlier one when the BSN's youth had one too.
                if (fromLimit != SignalLifetime.NoAgeLimit)
                {
                    var toLimit = _lifetime.AgeLimitOf(to);
                    KeepAgeLimit(to, toLimit == SignalLifetime.NoAgeLimit ? fromLimit : Math.Min(fromLimit, toLimit));
                    KeepAgeLimit(from, SignalLifetime.NoAgeLimit);
                }
            });

            foreach (var family in FamiliesWith(substitute.AsIndexKey()))
            {
                AddOrReplaceFamily(Family.Create(
                    family.Id,
                    family.Youths.Select(y => y == substitute.AsIndexKey() ? bsn : y).Distinct(),
                    family.Carers.Select(c => c == substitute.AsIndexKey() ? bsn : c).Distinct(),
                    family.Address,
                    family.Municipality));
            }

            return matches;
        }
    }

    private List<int> Chain(int head)
    {
        var slots = new List<int>();
        for (var slot = head; slot != NoSlot; slot = _slots[slot].Next)
        {
            slots.Add(slot);
        }

        return slots;
    }

    /// <summary>Moves slots from one youth's chain in a table onto another's, keeping their order.</summary>
    private void Rekey(YouthTable table, int to, List<int> slots)
    {
        foreach (var slot in slots)
        {
            Unlink(ChainOf(slot), slot);
        }

        for (var i = slots.Count - 1; i >= 0; i--)
        {
            ref var s = ref _slots[slots[i]];
            s.ArchivedInPlace &= table == _active;
            s.Youth = to;
            s.Next = table.HeadOf(to);
            table.SetHead(to, slots[i]);
        }
    }

    /// <summary>The families, as the host gave them, that hold a person as youth or carer.</summary>
    private List<Family> FamiliesWith(Bsn person)
    {
        var key = KeyOf(person);
        var result = new List<Family>();
        foreach (var family in _families.All)
        {
            if (family.Youths.Any(y => y.RevealNumber() == key) || family.Carers.Any(c => c.RevealNumber() == key))
            {
                result.Add(MapMembers(family, k => YouthOf(k.RevealNumber())));
            }
        }

        return result;
    }
}
