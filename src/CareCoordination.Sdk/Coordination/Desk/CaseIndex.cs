using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// The desk's cases in memory: every case by number, the one open case per family and per youth (domain rule 6), the
/// last number given out, and which pool member carries which case.
/// </summary>
/// <remarks>
/// Not thread-safe: the <see cref="CoordinationDesk"/> calls it under its lock. A case is replaced as a whole
/// (<see cref="Store"/>) and put back as a whole (<see cref="Restore"/>), so the lookups and the pool's caseloads
/// always describe the cases as they are.
/// </remarks>
internal sealed class CaseIndex(CoordinatorPool pool)
{
    private readonly Dictionary<CaseId, CoordinationCase> _cases = [];
    private readonly Dictionary<FamilyId, CaseId> _openByFamily = [];
    private readonly Dictionary<Bsn, CaseId> _openByYouth = [];
    private int _last;

    /// <summary>Gets every case, open or closed.</summary>
    public IReadOnlyCollection<CoordinationCase> All => _cases.Values;

    /// <summary>Gets the number the next opened case gets.</summary>
    public CaseId NextId => new(_last + 1);

    /// <summary>Gets a case the desk knows.</summary>
    public CoordinationCase this[CaseId @case] => _cases[@case];

    /// <summary>Gets a case, open or closed.</summary>
    /// <exception cref="NotFoundException">The desk does not know the case.</exception>
    public CoordinationCase Get(CaseId @case) =>
        _cases.GetValueOrDefault(Guard.NotDefault(@case)) ?? throw NotFoundException.Unknown(@case.ToString(), "the coordination desk");

    /// <summary>Gets a case, refusing it when it is no longer at the version the caller saw.</summary>
    /// <exception cref="NotFoundException">The desk does not know the case.</exception>
    /// <exception cref="StaleVersionException">The case changed since the caller saw it.</exception>
    public CoordinationCase Get(CaseId @case, int? expectedVersion)
    {
        var current = Get(@case);
        StaleVersionException.ThrowIfStale(@case.ToString(), expectedVersion, current.Version, CoordinationMessages.StaleCaseVersion, @case);
        return current;
    }

    /// <summary>Finds the open case of a family, or else of the first of the youths that has one.</summary>
    public CoordinationCase? FindOpen(FamilyId? family, IEnumerable<Bsn> youths)
    {
        if (family is { } f && _openByFamily.TryGetValue(f, out var byFamily))
        {
            return _cases[byFamily];
        }

        foreach (var youth in youths)
        {
            if (_openByYouth.TryGetValue(youth, out var byYouth))
            {
                return _cases[byYouth];
            }
        }

        return null;
    }

    /// <summary>Adds a case just opened with <see cref="NextId"/>.</summary>
    public void Open(CoordinationCase opened)
    {
        _last++;
        Store(null, opened);
    }

    /// <summary>Takes out a case whose opening could not be committed, and gives its number out again.</summary>
    public void Unopen(CoordinationCase opened)
    {
        Restore(opened, null);
        _last--;
    }

    /// <summary>Adds a case replayed from the store; numbers continue after the highest.</summary>
    public void Load(CoordinationCase @case)
    {
        _last = System.Math.Max(_last, @case.Id.Value);
        Store(null, @case);
    }

    /// <summary>Replaces a case by its next state; <paramref name="before"/> is <see langword="null"/> for a new case.</summary>
    public void Store(CoordinationCase? before, CoordinationCase after)
    {
        if (before is not null)
        {
            Unindex(before);
        }

        _cases[after.Id] = after;
        Index(after);
    }

    /// <summary>Puts back the case as it was before a change the operation could not commit; <see langword="null"/> for a case the change opened.</summary>
    public void Restore(CoordinationCase after, CoordinationCase? before)
    {
        Unindex(after);
        if (before is null)
        {
            _cases.Remove(after.Id);
            return;
        }

        _cases[before.Id] = before;
        Index(before);
    }

    private void Index(CoordinationCase @case)
    {
        if (@case.Coordinator is { } coordinator)
        {
            pool.Carry(coordinator, @case.Id, @case.Tier);
        }

        if (!@case.IsOpen)
        {
            return;
        }

        if (@case.Family is { } family)
        {
            _openByFamily[family] = @case.Id;
        }

        foreach (var youth in @case.Youths)
        {
            _openByYouth.TryAdd(youth, @case.Id);
        }
    }

    private void Unindex(CoordinationCase @case)
    {
        if (@case.Coordinator is { } coordinator)
        {
            pool.Drop(coordinator, @case.Id);
        }

        if (@case.Family is { } family && _openByFamily.GetValueOrDefault(family) == @case.Id)
        {
            _openByFamily.Remove(family);
        }

        foreach (var youth in @case.Youths)
        {
            if (_openByYouth.GetValueOrDefault(youth) == @case.Id)
            {
                _openByYouth.Remove(youth);
            }
        }
    }
}
