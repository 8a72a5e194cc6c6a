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
/// allocates nothing.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
internal sealed class MatchFinder(SignalSlots signals, YouthTable active, OrganisationDirectory directory, RegionPolicy policy)
{
    private const int NoSlot = -1;

    private readonly SignalSlots _signals = signals;
    private readonly YouthTable _active = active;
    private readonly OrganisationDirectory _directory = directory;
    private readonly RegionPolicy _policy = policy;
    private int[] _slotsFound = new int[16];
    private MatchKind[] _kinds = new MatchKind[16];
    private FamilyId?[] _familiesFound = new FamilyId?[16];
    private int[] _heads = new int[16];

    /// <summary>The slot of the i-th candidate the last collection found.</summary>
    // The registration path reads every candidate through these; the JIT does not inline them into it unasked.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotAt(int i) => _slotsFound[i];

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
    /// <param name="head">The first slot of the youth's active chain.</param>
    /// <param name="archiveHead">The first slot of the youth's archive chain (its row's <see cref="YouthRows.Archive"/> column), or -1 when it has none.</param>
    /// <param name="siblings">The youth's siblings and address mates (<see cref="FamilyTable.SiblingsOf"/>).</param>
    /// <param name="siblingHeads">The first slot of each sibling's active chain (<see cref="SiblingHeadsOf"/>).</param>
    /// <param name="organisation">The organisation whose signal it is.</param>
    /// <param name="includeArchive">Whether archived signals are offered.</param>
    /// <param name="today">Today's day number.</param>
    /// <param name="archiveCutoff">The day number on or before which an archived signal is gone.</param>
    public int Collect(int head, int archiveHead, ReadOnlySpan<Sibling> siblings, ReadOnlySpan<int> siblingHeads, int organisation, bool includeArchive, int today, int archiveCutoff)
    {
        var count = 0;
        for (var slot = head; slot != NoSlot; slot = _signals[slot].Next)
        {
            ref var s = ref _signals[slot];
            if (s.Organisation == organisation)
            {
                continue;
            }

            if (s.Day > today)
            {
                AddCandidate(ref count, slot, MatchKind.SameYouth, null);
            }
            else if (includeArchive && !s.Offered && s.Expiry == (byte)Signals.SignalExpiry.ActivePeriodEnds && !ArchiveGone(s.Day, archiveCutoff))
            {
                AddCandidate(ref count, slot, MatchKind.Archived, null);
            }
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            ref readonly var sibling = ref siblings[i];
            for (var slot = siblingHeads[i]; slot != NoSlot; slot = _signals[slot].Next)
            {
                if (_signals[slot].Organisation != organisation && _signals[slot].Day > today)
                {
                    // An address match runs through no family: the youths only live at one address.
                    AddCandidate(ref count, slot, sibling.Kind, sibling.Kind == MatchKind.Family ? sibling.Family : null);
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
                    AddCandidate(ref count, slot, MatchKind.Archived, null);
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Looks up the first slot of each sibling's active chain, all of them before any chain is walked, and starts
    /// loading each of those slots: independent lookups whose misses overlap, where walking each chain before looking
    /// up the next head would wait for them one by one. The siblings' rows are all started before the first is read,
    /// for the same reason. The span is reused by the next call.
    /// </summary>
    public ReadOnlySpan<int> SiblingHeadsOf(ReadOnlySpan<Sibling> siblings)
    {
        if (_heads.Length < siblings.Length)
        {
            _heads = new int[Math.Max(siblings.Length, _heads.Length * 2)];
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            _active.Prefetch(siblings[i].Key);
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            _heads[i] = _active.HeadOf(siblings[i].Key);
        }

        for (var i = 0; i < siblings.Length; i++)
        {
            _signals.Prefetch(_heads[i]);
        }

        return _heads.AsSpan(0, siblings.Length);
    }

    /// <summary>Leaves out the archived candidates of the last collection, for a youth whose archive is gone; returns how many candidates remain.</summary>
    public int WithoutArchived(int count)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (_kinds[i] != MatchKind.Archived)
            {
                _slotsFound[kept] = _slotsFound[i];
                _kinds[kept] = _kinds[i];
                _familiesFound[kept] = _familiesFound[i];
                kept++;
            }
        }

        return kept;
    }

    /// <summary>Whether an archived signal is gone already: archived on or before the cutoff of the archive period.</summary>
    public static bool ArchiveGone(int archivedOn, int archiveCutoff) => archivedOn <= archiveCutoff;

    private void AddCandidate(ref int count, int slot, MatchKind kind, FamilyId? family)
    {
        if (count == _slotsFound.Length)
        {
            Array.Resize(ref _slotsFound, count * 2);
            Array.Resize(ref _kinds, count * 2);
            Array.Resize(ref _familiesFound, count * 2);
        }

        _slotsFound[count] = slot;
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
            ref var candidate = ref _signals[_slotsFound[i]];
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

    /// <summary>Finds an organisation's own active signal in a youth's chain; one past its end date is not active.</summary>
    public int FindInChain(int head, int organisation, int today)
    {
        for (var slot = head; slot != NoSlot; slot = _signals[slot].Next)
        {
            if (_signals[slot].Organisation == organisation && _signals[slot].Day > today)
            {
                return slot;
            }
        }

        return NoSlot;
    }
}
