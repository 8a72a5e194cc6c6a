using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// The municipality's pool of care coordinators (domain rule 8): who is in it, which cases each carries and how many
/// of their weekly hours those cases take, and each member's stream in the store (joined, left).
/// </summary>
/// <remarks>
/// Not thread-safe: the <see cref="CoordinationDesk"/> calls it under its lock. Every change is written through the
/// desk's <see cref="DurableStreams"/> and says how to undo itself, so a change set that fails puts the pool back.
/// </remarks>
internal sealed class CoordinatorPool(CoordinationPolicy policy, DurableStreams streams, StreamDocuments documents, IClock clock)
{
    private readonly SortedDictionary<CoordinatorId, CareCoordinator> _members = [];
    private readonly Dictionary<CoordinatorId, Dictionary<CaseId, CoordinationTier>> _carried = [];
    private readonly Dictionary<CoordinatorId, decimal> _hoursInUse = [];
    private readonly Dictionary<CoordinatorId, int> _versions = [];

    /// <summary>Gets the members, ordered by identifier.</summary>
    public IReadOnlyCollection<CareCoordinator> Members => _members.Values;

    /// <summary>Finds a member.</summary>
    public bool TryGet(CoordinatorId coordinator, out CareCoordinator member) => _members.TryGetValue(coordinator, out member!);

    /// <summary>Gets the cases a member carries, in identifier order.</summary>
    public CaseId[] CasesOf(CoordinatorId coordinator) => [.. _carried[coordinator].Keys.Order()];

    /// <summary>Gets how many cases a member carries.</summary>
    public int CaseCount(CoordinatorId coordinator) => _carried[coordinator].Count;

    /// <summary>Gets the weekly hours a member's cases take, by their tiers.</summary>
    public decimal HoursInUse(CoordinatorId coordinator) => _hoursInUse[coordinator];

    /// <summary>Gets the weekly hours a member has left for another case.</summary>
    public decimal FreeHours(CareCoordinator coordinator) => coordinator.WeeklyHours - HoursInUse(coordinator.Id);

    /// <summary>Adds a member, writing that it joined the pool.</summary>
    /// <exception cref="ArgumentException">The pool already has a coordinator with that identifier.</exception>
    public void Join(CareCoordinator coordinator)
    {
        if (_members.ContainsKey(coordinator.Id))
        {
            throw new ArgumentException($"The pool already has {coordinator.Id}.", nameof(coordinator));
        }

        Append(coordinator.Id, CoordinatorJoinedPool.Of(coordinator));
        _members.Add(coordinator.Id, coordinator);
        _carried[coordinator.Id] = [];
        _hoursInUse[coordinator.Id] = 0m;
        streams.OnUndo(() =>
        {
            _members.Remove(coordinator.Id);
            _carried.Remove(coordinator.Id);
            _hoursInUse.Remove(coordinator.Id);
        });
    }

    /// <summary>Takes a member out, writing that it left and why; the desk has released its cases first.</summary>
    public void Leave(CareCoordinator member, string reason)
    {
        var coordinator = member.Id;
        Append(coordinator, new CoordinatorLeftPool(reason));
        var (itsCases, itsHours) = (_carried[coordinator], _hoursInUse[coordinator]);
        _members.Remove(coordinator);
        _carried.Remove(coordinator);
        _hoursInUse.Remove(coordinator);
        streams.OnUndo(() =>
        {
            _members.Add(coordinator, member);
            _carried[coordinator] = itsCases;
            _hoursInUse[coordinator] = itsHours;
        });
    }

    /// <summary>Records that a member carries a case at its tier.</summary>
    public void Carry(CoordinatorId coordinator, CaseId @case, CoordinationTier tier)
    {
        _carried[coordinator][@case] = tier;
        Recount(coordinator);
    }

    /// <summary>Records that a member no longer carries a case; a member who left the pool carries nothing.</summary>
    public void Drop(CoordinatorId coordinator, CaseId @case)
    {
        if (_carried.TryGetValue(coordinator, out var cases))
        {
            cases.Remove(@case);
            Recount(coordinator);
        }
    }

    /// <summary>Rebuilds the pool from its members' streams: a member whose last event is not a join has left.</summary>
    public void Rebuild(IReadOnlyList<StoredHistory> coordinators)
    {
        foreach (var stream in coordinators)
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                var id = new CoordinatorId(int.Parse(stream.Id, CultureInfo.InvariantCulture));
                _versions[id] = stream.Events.Count;
                if (documents.ReadLastRecord(stream) is CoordinatorJoinedPool joined)
                {
                    _members.Add(id, joined.ToCoordinator());
                    _carried[id] = [];
                    _hoursInUse[id] = 0m;
                }
            });
        }
    }

    // A coordinator carries a handful of cases, and a tier change alters the hours of one of them; recounting that
    // coordinator keeps the cached load exact without a second bookkeeping path for tier changes.
    private void Recount(CoordinatorId coordinator) =>
        _hoursInUse[coordinator] = _carried[coordinator].Values.Sum(policy.WeeklyHoursFor);

    private void Append(CoordinatorId coordinator, object change)
    {
        var version = _versions.GetValueOrDefault(coordinator);
        streams.Append(StreamDocuments.Coordinator, coordinator.Value.ToString(CultureInfo.InvariantCulture), version, [documents.Write(change, clock.GetCurrentInstant())]);
        _versions[coordinator] = version + 1;
        streams.OnUndo(() => _versions[coordinator] = version);
    }
}
