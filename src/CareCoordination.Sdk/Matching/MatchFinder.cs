using System.Runtime.CompilerServices;
using System;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// Matching (domain rule 5): finds what a signal matches — other organisations' active signals on the same youth, on the
/// youths of its families, on the youths registered at its families' addresses, and (once) archived signals on the youth — and designates the match coordinator
/// (<em>matchregisseur</em>). Candidates go into buffers reused from one registration to the next, so matching
/// allocates nothing. A chain's first slot is judged on the copy of its facts in its youth's row
/// (<see cref="YouthRows.ActiveHeadOf"/>), and each candidate's facts are kept with it, so that a chain of one signal
/// costs no read of its slot, and answering a match none again.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
internal sealed class MatchFinder(SignalSlots signals, YouthRows youths, YouthTable archive, OrganisationDirectory directory, RegionPolicy policy)
{
    private const int NoSlot = -1;

    private readonly SignalSlots _signals = signals;
    private readonly YouthRows _youths = youths;
    private readonly YouthTable _archive = archive;
    private readonly OrganisationDirectory _directory = directory;
    private readonly RegionPolicy _policy = policy;
    private int[] _slotsFound = new int[16];
    private SignalFacts[] _factsFound = new SignalFacts[16];
    private int[] _youthsFound = new int[16];
    private MatchKind[] _kinds = new MatchKind[16];
    private FamilyId?[] _familiesFound = new FamilyId?[16];
    private int[] _heads = new int[16];
    private SignalFacts[] _headFacts = new SignalFacts[16];

    /// <summary>The slot of the i-th candidate the last collection found.</summary>
    // The registration path reads every candidate through these; the JIT does not inline them into it unasked.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotAt(int i) => _slotsFound[i];

    /// <summary>The facts of the i-th candidate's signal, as they were when it was collected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly SignalFacts FactsAt(int i) => ref _factsFound[i];

    /// <summary>The key of the youth the i-th candidate's signal is on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int YouthAt(int i) => _youthsFound[i];

    /// <summary>The kind of the i-th candidate's match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MatchKind KindAt(int i) => _kinds[i];

    /// <summary>The family through which the i-th candidate matches, for a family match.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public FamilyId? FamilyAt(int i) => _familiesFound[i];

    /// <summary>
    /// Collects the slots that a signal of <paramref name="organisation"/> on a youth matches into the
    /// candidate buffers, and returns how many there are. A signal whose end date is <paramref name="today"/> or earlier is
    /// inactive whether or not the daily expiry ran (Jeugdwet art. 7.1.4.5): never matched as active, only offered as the
    /// archived signal it already is; an archived signal whose archive period has passed is gone.
    /// </summary>
    /// <param name="youth">The youth's key.</param>
    /// <param name="head">The first slot of the youth's active chain.</param>
    /// <param name="headFacts">The facts of that slot, as its youth's row keeps them.</param>
    /// <param name="archiveHead">The first slot of the youth's archive chain (<see cref="ArchiveHeadOf"/>), or -1 when it has none.</param>
    /// <param name="siblings">The youth's siblings and address mates (<see cref="FamilyTable.SiblingsOf"/>).</param>
    /// <param name="siblingHeads">The first slot of each sibling's active chain (<see cref="SiblingHeadsOf"/>, whose copies of their facts this finder keeps).</param>
    /// <param name="organisation">The organisation whose signal it is.</param>
    /// <param name="includeArchive">Whether archived signals are offered.</param>
    /// <param name="today">Today's day number.</param>
    /// <param name="archiveCutoff">The day number on or before which an archived signal is gone.</param>
    public int Collect(int youth, int head, in SignalFacts headFacts, int archiveHead, ReadOnlySpan<Sibling> siblings, ReadOnlySpan<int> siblingHeads, int organisation, bool includeArchive, int today, int archiveCutoff)
    {
        var count = 0;
        if (head != NoSlot)
        {
            CollectOwn(ref count, youth, head, headFacts, organisation, includeArchive, today, archiveCutoff);
            if (headFacts.Followed)
            {
                for (var slot = _signals[head].Next; slot != NoSlot; slot = _signals[slot].Next)
                {
                    CollectOwn(ref count, youth, slot, SignalFacts.Of(ref _signals[slot]), organisation, includeArchive, today, archiveCutoff);
                }
            }
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            ref readonly var sibling = ref siblings[i];
            var first = siblingHeads[i];
            if (first == NoSlot)
            {
                continue;
            }

            // An address match runs through no family: the youths only live at one address.
            FamilyId? family = sibling.Kind == MatchKind.Family ? sibling.Family : null;
            ref readonly var facts = ref _headFacts[i];
            if (facts.Organisation != organisation && facts.Day > today)
            {
                AddCandidate(ref count, first, sibling.Key, facts, sibling.Kind, family);
            }

            if (!facts.Followed)
            {
                continue;
            }

            for (var slot = _signals[first].Next; slot != NoSlot; slot = _signals[slot].Next)
            {
                if (_signals[slot].Organisation != organisation && _signals[slot].Day > today)
                {
                    AddCandidate(ref count, slot, sibling.Key, SignalFacts.Of(ref _signals[slot]), sibling.Kind, family);
                }
            }
        }

        if (includeArchive)
        {
            for (var slot = archiveHead; slot != NoSlot; slot = _signals[slot].Next)
            {
                ref var s = ref _signals[slot];
                if (!s.Offered && s.Organisation != organisation && !ArchiveGone(s.Day, archiveCutoff))
                {
                    AddCandidate(ref count, slot, youth, SignalFacts.Of(ref s), MatchKind.Archived, null);
                }
            }
        }

        return count;
    }

    // A signal on the youth itself: active, or offered once as the archived signal it is once its end date passed.
    private void CollectOwn(ref int count, int youth, int slot, in SignalFacts s, int organisation, bool includeArchive, int today, int archiveCutoff)
    {
        if (s.Organisation == organisation)
        {
            return;
        }

        if (s.Day > today)
        {
            AddCandidate(ref count, slot, youth, s, MatchKind.SameYouth, null);
        }
        else if (includeArchive && !s.Offered && s.Expiry == (byte)Signals.SignalExpiry.ActivePeriodEnds && !ArchiveGone(s.Day, archiveCutoff))
        {
            AddCandidate(ref count, slot, youth, s, MatchKind.Archived, null);
        }
    }

    /// <summary>
    /// Looks up the first slot of each sibling's active chain and the copy of its facts in the sibling's row, all of
    /// them before any chain is walked, and starts loading the first slot of each chain that goes on past it:
    /// independent lookups whose misses overlap, where walking each chain before looking up the next head would wait
    /// for them one by one. The siblings' rows are all started before the first is read, for the same reason. The
    /// span, and the facts <see cref="Collect"/> reads with it, are reused by the next call.
    /// </summary>
    public ReadOnlySpan<int> SiblingHeadsOf(ReadOnlySpan<Sibling> siblings)
    {
        if (_heads.Length < siblings.Length)
        {
            _heads = new int[Math.Max(siblings.Length, _heads.Length * 2)];
            _headFacts = new SignalFacts[_heads.Length];
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            _youths.Prefetch(siblings[i].Key);
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            _heads[i] = _youths.ActiveHeadOf(siblings[i].Key, out _headFacts[i]);
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            if (_headFacts[i].Followed)
            {
                _signals.Prefetch(_heads[i]);
            }
        }

        return _heads.AsSpan(0, siblings.Length);
    }

    /// <summary>The first slot of the youth's archive chain, or -1; cheap while nothing is archived.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ArchiveHeadOf(int key) => _archive.Count > 0 ? _archive.HeadOf(key) : NoSlot;

    /// <summary>Leaves out the archived candidates of the last collection, for a youth whose archive is gone; returns how many candidates remain.</summary>
    public int WithoutArchived(int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (_kinds[i] != MatchKind.Archived)
            {
                _slotsFound[kept] = _slotsFound[i];
                _factsFound[kept] = _factsFound[i];
                _youthsFound[kept] = _youthsFound[i];
                _kinds[kept] = _kinds[i];
                _familiesFound[kept] = _familiesFound[i];
                kept++;
            }
        }

        return kept;
    }

    /// <summary>Whether an archived signal is gone already: archived on or before the cutoff of the archive period.</summary>
    public static bool ArchiveGone(int archivedOn, int archiveCutoff) => archivedOn <= archiveCutoff;

    private void AddCandidate(ref int count, int slot, int youth, in SignalFacts facts, MatchKind kind, FamilyId? family)
    {
        if (count == _slotsFound.Length)
        {
            Array.Resize(ref _slotsFound, count * 2);
            Array.Resize(ref _factsFound, count * 2);
            Array.Resize(ref _youthsFound, count * 2);
            Array.Resize(ref _kinds, count * 2);
            Array.Resize(ref _familiesFound, count * 2);
        }

        _slotsFound[count] = slot;
        _factsFound[count] = facts;
        _youthsFound[count] = youth;
        _kinds[count] = kind;
        _familiesFound[count] = family;
        count++;
    }

    /// <summary>
    /// Designates the match coordinator among the organisations of the signal and its candidates: the one whose kind
    /// ranks first in the policy; between equals, the one whose signal was made first.
    /// </summary>
    public OrganisationId DesignateCoordinator(int organisation, int organisationRank, long signalId, int candidateCount)
    {
        var best = organisation;
        var bestRank = organisationRank;
        var bestId = signalId;
        for (var i = 0; i < candidateCount; i++)
        {
            ref var candidate = ref _factsFound[i];
            var rank = RankOf(candidate.Organisation);
            if (rank < bestRank || (rank == bestRank && candidate.Id < bestId))
            {
                best = candidate.Organisation;
                bestRank = rank;
                bestId = candidate.Id;
            }
        }

        return new OrganisationId(best);
    }

    /// <summary>The rank of an organisation's kind as match coordinator; an organisation no longer in the directory ranks last.</summary>
    public int RankOf(int organisation) =>
        _directory.TryGetFacts(new OrganisationId(organisation), out var known) ? _policy.CoordinatorRank(known.Kind) : int.MaxValue;

    /// <summary>
    /// Finds an organisation's own active signal in a youth's chain, judging its first slot on the copy of its facts
    /// (<see cref="YouthRows.ActiveHeadOf"/>); one past its end date is not active.
    /// </summary>
    public int FindInChain(int head, in SignalFacts headFacts, int organisation, int today)
    {
        if (head == NoSlot)
        {
            return NoSlot;
        }

        if (headFacts.Organisation == organisation && headFacts.Day > today)
        {
            return head;
        }

        if (!headFacts.Followed)
        {
            return NoSlot;
        }

        for (var slot = _signals[head].Next; slot != NoSlot; slot = _signals[slot].Next)
        {
            if (_signals[slot].Organisation == organisation && _signals[slot].Day > today)
            {
                return slot;
            }
        }

        return NoSlot;
    }
}
