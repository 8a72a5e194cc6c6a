using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Plans.Book;

/// <summary>
/// The municipality's family plans (<em>gezinsplannen</em>), one per coordination case: drafting, changes with
/// optimistic concurrency, the daily escalation check, the agenda of what is due, and what the plans yield.
/// </summary>
/// <remarks>
/// Thread-safe: one lock serialises changes. Every change names the version it was made on; a stale change is
/// refused with <see cref="StaleVersionException"/> and overwrites nothing. Reads return immutable plans.
/// </remarks>
public sealed partial class PlanBook
{
    private readonly Lock _gate = new();
    private readonly CoordinationDesk _desk;
    private readonly IClock _clock;
    private readonly Dictionary<CaseId, FamilyPlan> _plans = [];
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="desk">The coordination desk whose cases the plans belong to.</param>
    /// <param name="policy">The grace period and each rung's period.</param>
    /// <param name="zone">The time zone of the plans' dates (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    public PlanBook(CoordinationDesk desk, PlanPolicy policy, DateTimeZone zone, IClock clock)
        : this(desk, policy, zone, clock, null)
    {
    }

    /// <summary>
    /// Initializes a new instance that keeps its plans in a store: it rebuilds them from the store's streams, and
    /// writes every change there before the change becomes visible. A write that throws leaves the plan as it was.
    /// </summary>
    /// <param name="desk">The coordination desk whose cases the plans belong to.</param>
    /// <param name="policy">The grace period and each rung's period.</param>
    /// <param name="zone">The time zone of the plans' dates (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="store">The store, or <see langword="null"/> to keep the plans in memory only. Persons in the plans are keyed as the desk keys them (<see cref="CoordinationDesk.Keying"/>).</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds events written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store was written with another keying than the desk's.</exception>
    public PlanBook(CoordinationDesk desk, PlanPolicy policy, DateTimeZone zone, IClock clock, IEventStreamStore? store)
    {
        _desk = Guard.NotNull(desk);
        Policy = Guard.NotNull(policy);
        TimeZone = Guard.NotNull(zone);
        _clock = Guard.NotNull(clock);
        _documents = StreamDocuments.For(desk.Keying);
        _streams = new DurableStreams(store);
        var streams = store?.ReadStreams(StreamDocuments.Plan) ?? [];
        if (store is not null)
        {
            _documents.Keying.Claim(store, streams.Count > 0);
        }

        foreach (var stream in streams)
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                var plan = FamilyPlan.Replay(_documents.ReadPlan(stream));
                _plans.Add(plan.Case, plan);
            });
        }
    }

    /// <summary>Gets the plan policy.</summary>
    public PlanPolicy Policy { get; }

    /// <summary>Gets the time zone of the plans' dates.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets today in the plans' time zone.</summary>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(TimeZone).Date;

    /// <summary>
    /// Drafts the one plan of a case (<em>1 gezin, 1 plan</em>). The case must be open and coordinated — by a pool
    /// coordinator or by its case holder — or handed over to youth protection.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="by">The professional who drafts it.</param>
    /// <param name="organisation">Their organisation.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="PlanChangeRefusedException">The case already has a plan, or nobody coordinates it yet.</exception>
    internal FamilyPlan Draft(CaseId @case, ProfessionalId by, OrganisationId organisation)
    {
        return Operation(() =>
        {
            var current = _desk.GetCase(@case);
            if (_plans.TryGetValue(@case, out var existing))
            {
                throw new PlanChangeRefusedException(@case, existing.Escalation, "drafting a plan", "a case has one plan (1 gezin, 1 plan); change the existing one");
            }

            if (current.Status is not (CaseStatus.Coordinated or CaseStatus.CaseHolderCoordinates or CaseStatus.HandedOver))
            {
                throw new PlanChangeRefusedException(@case, EscalationLevel.None, "drafting a plan", $"the case is {current.Status}; a coordinator or case holder drafts the plan");
            }

            var plan = FamilyPlan.Draft(@case, by, organisation, TimeZone, _clock.GetCurrentInstant());
            Put(null, plan);
            return plan;
        });
    }

    /// <summary>Gets a case's plan.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The plan, or <see langword="null"/> when the case has none.</returns>
    internal FamilyPlan? Find(CaseId @case)
    {
        lock (_gate)
        {
            return _plans.GetValueOrDefault(@case);
        }
    }

    /// <summary>Changes a plan, when it is still at the version the change was made on.</summary>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The plan's <see cref="FamilyPlan.Version"/> the caller saw.</param>
    /// <param name="change">The change: one or more of the plan's domain methods, given the plan and the current instant.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="StaleVersionException">Someone changed the plan since; nothing was overwritten.</exception>
    /// <exception cref="PlanChangeRefusedException">The case has no plan, or the plan refused the change.</exception>
    internal FamilyPlan Change(CaseId @case, int expectedVersion, Func<FamilyPlan, Instant, FamilyPlan> change)
    {
        Guard.NotNull(change);
        return Operation(() =>
        {
            var current = _plans.GetValueOrDefault(@case) ?? throw new PlanChangeRefusedException(@case, EscalationLevel.None, "a change", "the case has no plan yet");
            StaleVersionException.ThrowIfStale("plan of " + @case, expectedVersion, current.Version, CoordinationMessages.StalePlanVersion, @case);

            var next = change(current, _clock.GetCurrentInstant());
            if (next is null || next.Case != @case || next.Version < current.Version || !next.History.Take(current.Version).SequenceEqual(current.History))
            {
                throw new ArgumentException("The change must return the plan it was given, changed through its domain methods.", nameof(change));
            }

            Put(current, next);
            return next;
        });
    }

    /// <summary>
    /// The daily check: moves every plan of an open case one step on the escalation ladder where the day requires
    /// it (see <see cref="FamilyPlan.AdvanceEscalation"/>).
    /// </summary>
    /// <param name="by">The professional or service account on whose behalf the check runs.</param>
    /// <param name="today">The day to check, or <see langword="null"/> for today; a host that missed a day passes it.</param>
    /// <returns>The plans that moved, ordered by case.</returns>
    public IReadOnlyList<FamilyPlan> AdvanceEscalations(ProfessionalId by, LocalDate? today = null)
    {
        Guard.NotDefault(by);
        return Operation(() =>
        {
            var day = today ?? Today;
            var now = _clock.GetCurrentInstant();
            var moved = new List<FamilyPlan>();
            foreach (var (id, plan) in _plans.OrderBy(p => p.Key).ToArray())
            {
                if (!_desk.GetCase(id).IsOpen)
                {
                    continue;
                }

                var next = plan.AdvanceEscalation(day, Policy, by, now);
                if (!ReferenceEquals(next, plan))
                {
                    Put(plan, next);
                    moved.Add(next);
                }
            }

            return moved;
        });
    }

    /// <summary>Lists what falls due up to a day, for each coordinator, each organisation and the municipality.</summary>
    /// <param name="until">The last day to include.</param>
    /// <returns>The agenda; overdue items are marked.</returns>
    public PlanAgenda GetAgenda(LocalDate until) => _streams.Read(_gate, () =>
        {
            var today = Today;
            var perCoordinator = new SortedDictionary<CoordinatorId, IReadOnlyList<PlanDueItem>>();
            var all = new List<PlanDueItem>();
            foreach (var (id, plan) in _plans.OrderBy(p => p.Key))
            {
                var current = _desk.GetCase(id);
                if (!current.IsOpen)
                {
                    continue;
                }

                var items = plan.GetDueItems(until, today);
                all.AddRange(items);
                if (current.Coordinator is { } coordinator && items.Count > 0)
                {
                    perCoordinator[coordinator] = [.. perCoordinator.GetValueOrDefault(coordinator) ?? [], .. items];
                }
            }

            var perOrganisation = all.Where(i => i.Organisation is not null)
                .GroupBy(i => i.Organisation!.Value)
                .OrderBy(g => g.Key)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<PlanDueItem>)[.. g.OrderBy(i => i.Due)]);
            return new PlanAgenda(today, until, perCoordinator, perOrganisation, [.. all.Where(i => i.Organisation is null).OrderBy(i => i.Due)]);
        });

    /// <summary>What the plans yield: plans completed, goals reached, escalations and cases closed without one. Aggregates only.</summary>
    /// <returns>The overview.</returns>
    public PlanOverview GetOverview()
    {
        var closed = _desk.ClosedCaseIds();
        return _streams.Read(_gate, () =>
        {
            var plans = _plans.Values.ToArray();
            return new PlanOverview(
                plans.Length,
                plans.Count(p => p.Goals.Count > 0 && p.Goals.All(g => g.Reached)),
                plans.Sum(p => p.Goals.Count),
                plans.Sum(p => p.Goals.Count(g => g.Reached)),
                Enum.GetValues<EscalationLevel>().ToDictionary(l => l, l => plans.Count(p => p.Escalation == l)),
                plans.Count(p => p.WasEverEscalated),
                plans.Sum(p => p.EnforcementOrders.Count),
                closed.Count(c => _plans.GetValueOrDefault(c) is not { WasEverEscalated: true }),
                closed.Count);
        });
    }

    /// <summary>Writes a plan's new events and keeps the plan, undone should the operation fail after it.</summary>
    private void Put(FamilyPlan? before, FamilyPlan after)
    {
        var version = before?.Version ?? 0;
        if (after.Version != version)
        {
            _streams.Append(
                StreamDocuments.Plan,
                after.Case.Value.ToString(CultureInfo.InvariantCulture),
                version,
                [.. after.History.Skip(version).Select(_documents.Write)]);
        }

        _plans[after.Case] = after;
        _streams.OnUndo(() =>
        {
            if (before is null)
            {
                _plans.Remove(after.Case);
            }
            else
            {
                _plans[after.Case] = before;
            }
        });
    }

    private T Operation<T>(Func<T> change) => _streams.Run(_gate, change);

    /// <summary>Runs changes of this area and what belongs to them, such as their audit records, as one operation.</summary>
    internal T InOperation<T>(Func<T> change) => Operation(change);
}
