using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Coordination.Events;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using static System.FormattableString;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The municipality's coordination desk (<em>zorgregie</em>), where the coordination director (<em>zorgregisseur</em>)
/// works: every intake route opens or joins the one case per family, tiers are decided with their reasons,
/// coordinators from the pool are assigned within their capacity, and coordination is handed over to youth protection
/// and back.
/// </summary>
/// <remarks>
/// Thread-safe: one lock serialises changes, and a change either applies all its events or none (a refused change
/// leaves every case and every caseload as it was). Reads return immutable cases. The desk never calls the reference
/// index, so <see cref="ReferenceIndexIntake"/> can feed it from inside the index's events. A case holds BSNs, so people
/// read cases through <see cref="Privacy.PersonDataAccess"/>; the desk itself answers only with case numbers, meetings
/// and aggregates.
/// </remarks>
public sealed class CoordinationDesk
{
    private readonly Lock _lock = new();
    private readonly IClock _clock;
    private readonly Dictionary<CaseId, CoordinationCase> _cases = [];
    private readonly Dictionary<FamilyId, CaseId> _openByFamily = [];
    private readonly Dictionary<Bsn, CaseId> _openByYouth = [];
    private readonly Dictionary<FamilyId, Family> _families = [];
    private readonly SortedDictionary<CoordinatorId, CareCoordinator> _pool = [];
    private readonly Dictionary<CoordinatorId, HashSet<CaseId>> _casesOf = [];
    private readonly Dictionary<CoordinatorId, decimal> _hoursInUse = [];
    private readonly Dictionary<CoordinatorId, int> _poolVersions = [];
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents;
    private SocialMap _socialMap;
    private int _lastCase;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="policy">The coordination policy.</param>
    /// <param name="socialMap">The region's social map.</param>
    /// <param name="clock">The clock.</param>
    public CoordinationDesk(CoordinationPolicy policy, SocialMap socialMap, IClock clock)
        : this(policy, socialMap, clock, null)
    {
    }

    /// <summary>
    /// Initializes a new instance that keeps its cases and its pool in a store: it rebuilds both from the store's
    /// streams, and writes every change there before the change becomes visible. A write that throws leaves the desk
    /// as it was.
    /// </summary>
    /// <param name="policy">The coordination policy.</param>
    /// <param name="socialMap">The region's social map.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="store">The store, or <see langword="null"/> to keep everything in memory only.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds events written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store keys persons by pseudonym; use the overload with its <see cref="YouthKeying"/>.</exception>
    public CoordinationDesk(CoordinationPolicy policy, SocialMap socialMap, IClock clock, IEventStreamStore? store)
        : this(policy, socialMap, clock, store, YouthKeying.ByBsn)
    {
    }

    /// <summary>
    /// Initializes a new instance that keeps its cases and its pool in a store, with the persons in them keyed as the
    /// rest of the SDK keys them (by BSN, or by keyed pseudonym), so that a pseudonymised store holds no BSN.
    /// </summary>
    /// <param name="policy">The coordination policy.</param>
    /// <param name="socialMap">The region's social map.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="store">The store, or <see langword="null"/> to keep everything in memory only.</param>
    /// <param name="keying">How persons are keyed in the store; the same as the reference index's <see cref="ReferenceIndex.Keying"/>.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds events written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store was written with another keying.</exception>
    public CoordinationDesk(CoordinationPolicy policy, SocialMap socialMap, IClock clock, IEventStreamStore? store, YouthKeying keying)
    {
        Policy = Guard.NotNull(policy);
        _socialMap = Guard.NotNull(socialMap);
        _clock = Guard.NotNull(clock);
        _documents = StreamDocuments.For(Guard.NotNull(keying));
        _streams = new DurableStreams(store);
        if (store is not null)
        {
            Rebuild(store);
        }
    }

    /// <summary>Gets the coordination policy.</summary>
    public CoordinationPolicy Policy { get; }

    /// <summary>Gets how the desk keys persons in its store.</summary>
    public YouthKeying Keying => _documents.Keying;

    /// <summary>Gets the social map the desk assigns by.</summary>
    public SocialMap SocialMap => Volatile.Read(ref _socialMap);

    /// <summary>Gets the coordinators in the pool, ordered by identifier.</summary>
    public IReadOnlyList<CareCoordinator> Pool
    {
        get
        {
            lock (_lock)
            {
                return [.. _pool.Values];
            }
        }
    }

    /// <summary>Replaces the social map, for example when an organisation changes its services.</summary>
    /// <param name="socialMap">The new map.</param>
    public void UpdateSocialMap(SocialMap socialMap) => Volatile.Write(ref _socialMap, Guard.NotNull(socialMap));

    /// <summary>
    /// Tells the desk about a family from the population register, so that an intake about one of its youths finds the
    /// family's case. With a store, the family is kept there too — its current members only: a replaced family leaves
    /// no earlier member behind, as the index's family rows do.
    /// </summary>
    /// <param name="family">The family.</param>
    public void AddOrReplaceFamily(Family family)
    {
        Guard.NotNull(family);
        Operation(() =>
        {
            if (_streams.Store is not null)
            {
                var now = _clock.GetCurrentInstant();
                _streams.Erase(StreamDocuments.Family, StreamId(family.Id.Value), _documents.Write(FamilyRecorded.Of(family), now));
            }

            var had = _families.TryGetValue(family.Id, out var previous);
            _families[family.Id] = family;
            _streams.OnUndo(() =>
            {
                if (had)
                {
                    _families[family.Id] = previous!;
                }
                else
                {
                    _families.Remove(family.Id);
                }
            });
        });
    }

    /// <summary>
    /// Takes in a concern from an intake route: opens the family's case, or joins the open case that already handles
    /// the family or one of its youths, so that a family has one open case however many routes reach it.
    /// </summary>
    /// <param name="intake">The intake.</param>
    /// <returns>Which case handles the family, in which meeting, and whether this intake opened it.</returns>
    public IntakeResult Intake(CaseIntake intake)
    {
        Guard.NotNull(intake);
        return Operation(() =>
        {
            var now = _clock.GetCurrentInstant();
            var family = intake.Family is { } named
                ? _families.GetValueOrDefault(named)
                : _families.Values.Where(f => intake.Youths.Any(f.HasYouth)).MinBy(f => f.Id);
            var familyId = intake.Family ?? family?.Id;
            var youths = intake.Youths.Concat(family?.Youths ?? []).Distinct().ToArray();

            if (FindOpen(familyId, youths) is { } existing)
            {
                var newYouths = youths.Where(y => !existing.Youths.Contains(y)).ToArray();
                var newOrganisations = intake.Organisations.Where(o => !existing.InvolvedOrganisations.Contains(o)).ToArray();
                if (newYouths.Length > 0 || newOrganisations.Length > 0 || !existing.Routes.Contains(intake.Route))
                {
                    existing = Commit(existing, new IntakeJoined(existing.Id, now, intake.Route, newYouths, newOrganisations));
                }

                return new IntakeResult(existing.Id, false, existing.Meeting, existing.Routes, existing.Status);
            }

            var since = intake.ConcernSince is { } concern && concern < now ? concern : now;
            var opened = CoordinationCase.Open(new CaseOpened(
                new CaseId(_lastCase + 1), now, familyId, youths, intake.Route, intake.Meeting ?? Policy.DefaultMeeting, intake.Organisations, since));
            Persist(opened.Id, 0, opened.History);
            _lastCase++;
            Store(null, opened);
            _streams.OnUndo(() =>
            {
                Restore(opened, null);
                _lastCase--;
            });
            return new IntakeResult(opened.Id, true, opened.Meeting, opened.Routes, opened.Status);
        });
    }

    /// <summary>Tells an intake route which open case handles a family, in which meeting — without any person's data.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The case, its meeting, routes and status; <see langword="null"/> when the family has no open case.</returns>
    public IntakeResult? WhichCaseHandles(FamilyId family)
    {
        lock (_lock)
        {
            return Handling(FindOpen(family, []));
        }
    }

    /// <summary>Tells an intake route which open case handles a youth or the youth's family, in which meeting — without any person's data.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The case, its meeting, routes and status; <see langword="null"/> when the youth has no open case.</returns>
    public IntakeResult? WhichCaseHandles(Bsn youth)
    {
        lock (_lock)
        {
            return Handling(FindOpen(null, [youth]));
        }
    }

    /// <summary>Finds the open case that handles a family: the question every intake route can ask.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The case, or <see langword="null"/> when the family has no open case.</returns>
    internal CoordinationCase? FindOpenCase(FamilyId family)
    {
        lock (_lock)
        {
            return FindOpen(family, []);
        }
    }

    /// <summary>Finds the open case that handles a youth or the youth's family.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The case, or <see langword="null"/> when the youth has no open case.</returns>
    internal CoordinationCase? FindOpenCase(Bsn youth)
    {
        lock (_lock)
        {
            return FindOpen(null, [youth]);
        }
    }

    /// <summary>Gets a case, open or closed.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The case as it is now.</returns>
    /// <exception cref="CaseNotFoundException">The desk does not know the case.</exception>
    internal CoordinationCase GetCase(CaseId @case)
    {
        lock (_lock)
        {
            return Get(@case);
        }
    }

    /// <summary>Names the professional already involved who aligns the help as case holder (<em>casushouder</em>); in tier none no separate coordinator is needed.</summary>
    /// <param name="case">The case.</param>
    /// <param name="caseHolder">The professional.</param>
    /// <param name="organisation">The professional's organisation.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    public CoordinationCase NameCaseHolder(CaseId @case, ProfessionalId caseHolder, OrganisationId organisation, int? expectedVersion = null)
    {
        Guard.NotDefault(caseHolder);
        Guard.NotDefault(organisation);
        return Operation(() =>
        {
            return Commit(Get(@case, expectedVersion), new CaseHolderNamed(@case, _clock.GetCurrentInstant(), caseHolder, organisation));
        });
    }

    /// <summary>
    /// Decides the case's tier from an assessment with the policy's tier rules, and records the decision with its
    /// reasons. When the tier leaves the coordinator unqualified or over capacity, or falls to none, the coordinator is
    /// released first, in the same change. A decision that indicates a handover says so; the handover itself needs its
    /// record (<see cref="HandOverToYouthProtection"/>).
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="assessment">The assessment.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The decision.</returns>
    public TierDecision Assess(CaseId @case, CaseAssessment assessment, int? expectedVersion = null)
    {
        Guard.NotNull(assessment);
        return Operation(() =>
        {
            var current = Get(@case, expectedVersion);
            var now = _clock.GetCurrentInstant();
            var involved = current.InvolvedOrganisations.Union(assessment.InvolvedOrganisations).Count();
            var decision = Policy.TierRules.Decide(assessment, involved);
            var events = new List<CaseEvent>();
            if (current.Coordinator is { } coordinatorId && _pool.TryGetValue(coordinatorId, out var coordinator) && decision.Tier != current.Tier)
            {
                var extra = Policy.WeeklyHoursFor(decision.Tier) - Policy.WeeklyHoursFor(current.Tier);
                var reason = decision.Tier == CoordinationTier.None ? "the tier fell to none; the case holder aligns the help"
                    : !coordinator.IsQualifiedFor(decision.Tier) ? "the case became specialist and the coordinator has general training only"
                    : extra > FreeHours(coordinator) ? Invariant($"the case now takes {extra} more hours a week than the coordinator has free")
                    : null;
                if (reason is not null)
                {
                    events.Add(new CoordinatorReleased(@case, now, coordinatorId, reason));
                }
            }

            events.Add(new CaseAssessed(@case, now, current.Tier, decision.Tier, assessment.ProblemDomains, assessment.CoreProblem, assessment.InvolvedOrganisations, decision.Reasons));
            Commit(current, [.. events]);
            return decision;
        });
    }

    /// <summary>
    /// Assigns the best coordinator from the pool to a waiting case: a coordinator qualified for the tier with room
    /// for the case's hours, preferring an organisation that fits the family's core problem and already knows the
    /// family, then one that fits, then one that knows the family, and falling back to another organisation when
    /// those cannot staff it. Among equals the coordinator with the most free hours takes it. When nobody can, the
    /// case keeps waiting and the decision says why.
    /// </summary>
    /// <param name="case">The case; it must be <see cref="CaseStatus.AwaitingCoordinator"/>.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="CaseTransitionRefusedException">The case does not wait for a coordinator.</exception>
    public AssignmentDecision AssignCoordinator(CaseId @case, int? expectedVersion = null)
    {
        return Operation(() =>
        {
            return AssignBest(Get(@case, expectedVersion), null);
        });
    }

    /// <summary>Assigns a coordinator the director chose, when that coordinator is qualified for the tier and has room.</summary>
    /// <param name="case">The case; it must be <see cref="CaseStatus.AwaitingCoordinator"/>.</param>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The decision; refused, with nothing changed, when the coordinator is not qualified or has no room.</returns>
    /// <exception cref="CaseNotFoundException">The desk does not know the case or the coordinator.</exception>
    /// <exception cref="CaseTransitionRefusedException">The case does not wait for a coordinator.</exception>
    public AssignmentDecision AssignChosenCoordinator(CaseId @case, CoordinatorId coordinator, int? expectedVersion = null)
    {
        return Operation(() =>
        {
            var current = Get(@case, expectedVersion);
            RequireWaitingForCoordinator(current);
            var chosen = _pool.GetValueOrDefault(coordinator) ?? throw new CaseNotFoundException(coordinator.ToString());
            var hours = Policy.WeeklyHoursFor(current.Tier);
            if (!chosen.IsQualifiedFor(current.Tier))
            {
                return AssignmentDecision.Refused(@case, $"{coordinator} has general training only and the case is specialist.");
            }

            if (FreeHours(chosen) < hours)
            {
                return AssignmentDecision.Refused(@case, Invariant($"{coordinator} has {FreeHours(chosen)} of {chosen.WeeklyHours} hours free and the case takes {hours}."));
            }

            var reason = Invariant($"Chosen by the coordination director; {coordinator} had {FreeHours(chosen)} hours free.");
            Commit(current, new CoordinatorAssigned(@case, _clock.GetCurrentInstant(), coordinator, chosen.Organisation, false, reason));
            return AssignmentDecision.Assigned(@case, chosen, false, reason);
        });
    }

    /// <summary>Tries to assign a coordinator to every case that waits for one, longest-waiting first.</summary>
    /// <returns>One decision per waiting case.</returns>
    public IReadOnlyList<AssignmentDecision> AssignWaitingCases()
    {
        return Operation<IReadOnlyList<AssignmentDecision>>(() =>
        {
            return
            [
                .. _cases.Values
                    .Where(c => c.Status == CaseStatus.AwaitingCoordinator)
                    .OrderBy(c => c.WaitingSince)
                    .ThenBy(c => c.Id)
                    .ToList()
                    .Select(c => AssignBest(_cases[c.Id], null)),
            ];
        });
    }

    /// <summary>Releases the case's coordinator and assigns another, preferring the same rules; when nobody can take it, the case waits with the reason.</summary>
    /// <param name="case">The case; it must be <see cref="CaseStatus.Coordinated"/>.</param>
    /// <param name="reason">Why, for example "the family asked for another coordinator".</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The decision about the new coordinator.</returns>
    public AssignmentDecision Reassign(CaseId @case, string reason, int? expectedVersion = null)
    {
        Guard.NotBlank(reason);
        return Operation(() =>
        {
            var current = Get(@case, expectedVersion);
            var former = current.Coordinator ?? throw new CaseTransitionRefusedException(@case, current.Status, CaseTrigger.ReleaseCoordinator, "only a coordinated case can be reassigned");
            var released = Commit(current, new CoordinatorReleased(@case, _clock.GetCurrentInstant(), former, reason));
            return AssignBest(released, former);
        });
    }

    /// <summary>Releases the case's coordinator; the case waits for another.</summary>
    /// <param name="case">The case; it must be <see cref="CaseStatus.Coordinated"/>.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    public CoordinationCase ReleaseCoordinator(CaseId @case, string reason, int? expectedVersion = null)
    {
        Guard.NotBlank(reason);
        return Operation(() =>
        {
            var current = Get(@case, expectedVersion);
            var former = current.Coordinator ?? throw new CaseTransitionRefusedException(@case, current.Status, CaseTrigger.ReleaseCoordinator, "the case has no coordinator");
            return Commit(current, new CoordinatorReleased(@case, _clock.GetCurrentInstant(), former, reason));
        });
    }

    /// <summary>Adds a coordinator to the pool.</summary>
    /// <param name="coordinator">The coordinator.</param>
    /// <exception cref="ArgumentException">The pool already has a coordinator with that identifier.</exception>
    public void AddCoordinator(CareCoordinator coordinator)
    {
        Guard.NotNull(coordinator);
        Operation(() =>
        {
            if (_pool.ContainsKey(coordinator.Id))
            {
                throw new ArgumentException($"The pool already has {coordinator.Id}.", nameof(coordinator));
            }

            AppendToPool(coordinator.Id, CoordinatorJoinedPool.Of(coordinator));
            _pool.Add(coordinator.Id, coordinator);
            _casesOf[coordinator.Id] = [];
            _hoursInUse[coordinator.Id] = 0m;
            _streams.OnUndo(() =>
            {
                _pool.Remove(coordinator.Id);
                _casesOf.Remove(coordinator.Id);
                _hoursInUse.Remove(coordinator.Id);
            });
        });
    }

    /// <summary>Takes a coordinator out of the pool; each of the coordinator's cases is released and reassigned, or waits with the reason — none is lost.</summary>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="reason">Why the coordinator leaves, for example "left the organisation".</param>
    /// <returns>One decision per case the coordinator had.</returns>
    /// <exception cref="CaseNotFoundException">The pool has no such coordinator.</exception>
    public IReadOnlyList<AssignmentDecision> RemoveCoordinator(CoordinatorId coordinator, string reason)
    {
        Guard.NotBlank(reason);
        return Operation<IReadOnlyList<AssignmentDecision>>(() =>
        {
            if (!_pool.TryGetValue(coordinator, out var member))
            {
                throw new CaseNotFoundException(coordinator.ToString());
            }

            var now = _clock.GetCurrentInstant();
            var cases = _casesOf[coordinator].Order().ToArray();
            var released = cases.Select(id => Commit(_cases[id], new CoordinatorReleased(id, now, coordinator, "the coordinator left the pool: " + reason))).ToArray();
            AppendToPool(coordinator, new CoordinatorLeftPool(reason));
            var (itsCases, itsHours) = (_casesOf[coordinator], _hoursInUse[coordinator]);
            _pool.Remove(coordinator);
            _casesOf.Remove(coordinator);
            _hoursInUse.Remove(coordinator);
            _streams.OnUndo(() =>
            {
                _pool.Add(coordinator, member);
                _casesOf[coordinator] = itsCases;
                _hoursInUse[coordinator] = itsHours;
            });
            return [.. released.Select(c => AssignBest(_cases[c.Id], coordinator))];
        });
    }

    /// <summary>
    /// Hands coordination over to youth protection (<em>overdracht</em>) with its record, because of an indication for
    /// youth care or a protection measure. A coordinator from the pool is released in the same change.
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="handover">The handover record.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    public CoordinationCase HandOverToYouthProtection(CaseId @case, Handover handover, int? expectedVersion = null)
    {
        Guard.NotNull(handover);
        return Operation(() =>
        {
            var current = Get(@case, expectedVersion);
            var now = _clock.GetCurrentInstant();
            var events = new List<CaseEvent>();
            if (current.Coordinator is { } coordinator)
            {
                events.Add(new CoordinatorReleased(@case, now, coordinator, "coordination handed over to youth protection (" + handover.Measure + ")"));
            }

            events.Add(new CaseHandedOver(@case, now, handover));
            return Commit(current, [.. events]);
        });
    }

    /// <summary>Records that youth protection informed an involved organisation (<em>terugkoppeling</em>); the next feedback falls due one interval later.</summary>
    /// <param name="case">The case; it must be handed over.</param>
    /// <param name="informed">The organisation informed; one of the handover's involved organisations.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    public CoordinationCase RecordFeedback(CaseId @case, OrganisationId informed, int? expectedVersion = null)
    {
        Guard.NotDefault(informed);
        return Operation(() =>
        {
            return Commit(Get(@case, expectedVersion), new FeedbackRecorded(@case, _clock.GetCurrentInstant(), informed));
        });
    }

    /// <summary>Lists the feedback youth protection owes and has not given in time, over all handed-over cases.</summary>
    /// <returns>The overdue feedback, most overdue first.</returns>
    public IReadOnlyList<FeedbackDue> GetOverdueFeedback()
    {
        lock (_lock)
        {
            var now = _clock.GetCurrentInstant();
            return [.. _cases.Values.SelectMany(c => c.GetFeedbackDue()).Where(f => f.IsOverdueAt(now)).OrderBy(f => f.DueAt).ThenBy(f => f.Case)];
        }
    }

    /// <summary>Brings coordination back from youth protection when the measure or indication ends; the case waits for a coordinator or a case holder as its tier requires.</summary>
    /// <param name="case">The case; it must be handed over.</param>
    /// <param name="reason">Why, for example "supervision order ended".</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    public CoordinationCase ReturnFromYouthProtection(CaseId @case, string reason, int? expectedVersion = null)
    {
        Guard.NotBlank(reason);
        return Operation(() =>
        {
            return Commit(Get(@case, expectedVersion), new CaseReturned(@case, _clock.GetCurrentInstant(), reason));
        });
    }

    /// <summary>Records hours an organisation spent on coordinating a case, so that the municipality sees what coordination costs per tier and per organisation.</summary>
    /// <param name="case">The case.</param>
    /// <param name="organisation">The organisation whose coordinator or case holder spent them.</param>
    /// <param name="hours">The hours; more than 0 and at most 168.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    public CoordinationCase RecordCoordinationHours(CaseId @case, OrganisationId organisation, decimal hours, int? expectedVersion = null)
    {
        Guard.NotDefault(organisation);
        if (hours is <= 0 or > 168)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Hours must be more than 0 and at most 168.");
        }

        return Operation(() =>
        {
            var current = Get(@case, expectedVersion);
            return Commit(current, new CoordinationHoursRecorded(@case, _clock.GetCurrentInstant(), organisation, current.Tier, hours));
        });
    }

    /// <summary>Closes a case with its outcome; a coordinator is freed at once. A later concern about the family opens a new case.</summary>
    /// <param name="case">The case.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    public CoordinationCase Close(CaseId @case, CaseOutcome outcome, int? expectedVersion = null)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "The outcome is not defined.");
        }

        return Operation(() =>
        {
            return Commit(Get(@case, expectedVersion), new CaseClosed(@case, _clock.GetCurrentInstant(), outcome));
        });
    }

    /// <summary>Builds the coordination director's overview: aggregates only, no BSN.</summary>
    /// <returns>The overview.</returns>
    public CoordinationOverview GetOverview()
    {
        lock (_lock)
        {
            var now = _clock.GetCurrentInstant();
            var open = _cases.Values.Where(c => c.IsOpen).ToArray();
            var waiting = open
                .Where(c => c.WaitingSince is not null)
                .Select(c => new WaitingCase(c.Id, c.Tier, c.Status, c.WaitingReason!, c.WaitingSince!.Value, now - c.WaitingSince.Value))
                .OrderByDescending(w => w.Waited)
                .ThenBy(w => w.Case)
                .ToArray();
            var coordinators = _pool.Values
                .Select(c => new CoordinatorLoad(c.Id, c.Organisation, c.Training, _casesOf[c.Id].Count, c.WeeklyHours, HoursInUse(c.Id)))
                .ToArray();
            var hours = _cases.Values.SelectMany(c => c.History.OfType<CoordinationHoursRecorded>()).ToArray();
            var organisations = coordinators.Select(c => c.Organisation).Concat(hours.Select(h => h.Organisation)).Distinct().Order()
                .Select(o => new OrganisationLoad(
                    o,
                    coordinators.Count(c => c.Organisation == o),
                    coordinators.Where(c => c.Organisation == o).Sum(c => c.Cases),
                    coordinators.Where(c => c.Organisation == o).Sum(c => c.WeeklyHours),
                    coordinators.Where(c => c.Organisation == o).Sum(c => c.HoursInUse),
                    hours.Where(h => h.Organisation == o).Sum(h => h.Hours)))
                .ToArray();
            var toCoordinator = _cases.Values
                .Where(c => c.FirstCoordinatorAssignedAt is not null)
                .Select(c => c.FirstCoordinatorAssignedAt!.Value - c.ConcernSince)
                .Order()
                .ToArray();
            return new CoordinationOverview(
                now,
                Enum.GetValues<CoordinationTier>().ToDictionary(t => t, t => open.Count(c => c.Tier == t)),
                Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed).ToDictionary(s => s, s => open.Count(c => c.Status == s)),
                Enum.GetValues<IntakeRoute>().ToDictionary(r => r, r => open.Count(c => c.Routes.Contains(r))),
                waiting,
                coordinators,
                organisations,
                toCoordinator.Length == 0 ? null : Median(toCoordinator),
                Enum.GetValues<CoordinationTier>().ToDictionary(t => t, t => hours.Where(h => h.Tier == t).Sum(h => h.Hours)),
                Enum.GetValues<CaseOutcome>().ToDictionary(o => o, o => _cases.Values.Count(c => c.Outcome == o)),
                _cases.Values.Count(c => c.History.Any(e => e is CaseHandedOver)));
        }
    }

    internal ProfessionalId? ProfessionalOf(CoordinatorId coordinator)
    {
        lock (_lock)
        {
            return _pool.TryGetValue(coordinator, out var found) ? found.Professional : null;
        }
    }

    internal IReadOnlyList<CaseId> ClosedCaseIds()
    {
        lock (_lock)
        {
            return [.. _cases.Values.Where(c => !c.IsOpen).Select(c => c.Id).Order()];
        }
    }

    private static IntakeResult? Handling(CoordinationCase? open) =>
        open is null ? null : new IntakeResult(open.Id, false, open.Meeting, open.Routes, open.Status);

    private static Duration Median(Duration[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static void RequireWaitingForCoordinator(CoordinationCase current)
    {
        if (current.Status != CaseStatus.AwaitingCoordinator)
        {
            throw new CaseTransitionRefusedException(current.Id, current.Status, CaseTrigger.AssignCoordinator, "only a case that waits for a coordinator gets one");
        }
    }

    private AssignmentDecision AssignBest(CoordinationCase current, CoordinatorId? excluded)
    {
        RequireWaitingForCoordinator(current);
        var map = SocialMap;
        var hours = Policy.WeeklyHoursFor(current.Tier);
        CareCoordinator? best = null;
        int bestRank = int.MaxValue, preferredRank = int.MaxValue;
        decimal bestFree = 0;
        int considered = 0, unqualified = 0, full = 0;
        foreach (var candidate in _pool.Values)
        {
            if (candidate.Id == excluded)
            {
                continue;
            }

            considered++;
            var fits = current.CoreProblem != ProblemDomains.None && map.HasExpertise(candidate.Organisation, current.CoreProblem);
            var knows = current.InvolvedOrganisations.Contains(candidate.Organisation);
            var rank = fits ? (knows ? 0 : 1) : (knows ? 2 : 3);
            preferredRank = Math.Min(preferredRank, rank);
            if (!candidate.IsQualifiedFor(current.Tier))
            {
                unqualified++;
                continue;
            }

            var free = FreeHours(candidate);
            if (free < hours)
            {
                full++;
                continue;
            }

            if (rank < bestRank || (rank == bestRank && free > bestFree))
            {
                (best, bestRank, bestFree) = (candidate, rank, free);
            }
        }

        var now = _clock.GetCurrentInstant();
        if (best is null)
        {
            var reason = Invariant($"nobody in the pool can take a {current.Tier} case of {hours} hours a week: ")
                + (considered == 0 ? "the pool is empty." : Invariant($"{full} qualified coordinators are at capacity and {unqualified} lack specialist training."));
            if (current.WaitingReason != reason)
            {
                Commit(current, new CoordinatorUnavailable(current.Id, now, reason));
            }

            return AssignmentDecision.Refused(current.Id, reason);
        }

        var fallback = bestRank > preferredRank;
        var why = bestRank switch
        {
            0 => $"{best.Organisation} fits the core problem ({current.CoreProblem}) and already knows the family",
            1 => $"{best.Organisation} fits the core problem ({current.CoreProblem})",
            2 => $"{best.Organisation} already knows the family",
            _ => $"{best.Organisation} is in the pool",
        };
        var text = Invariant($"{why}; {best.Id} had {bestFree} of {best.WeeklyHours} hours free.")
            + (fallback ? " The preferred organisations could not staff the case, so it went to another organisation." : string.Empty);
        Commit(current, new CoordinatorAssigned(current.Id, now, best.Id, best.Organisation, fallback, text));
        return AssignmentDecision.Assigned(current.Id, best, fallback, text);
    }

    private CoordinationCase Get(CaseId @case) =>
        _cases.GetValueOrDefault(Guard.NotDefault(@case)) ?? throw new CaseNotFoundException(@case.ToString());

    private CoordinationCase Get(CaseId @case, int? expectedVersion)
    {
        var current = Get(@case);
        return expectedVersion is { } expected && expected != current.Version
            ? throw new StaleVersionException(@case, @case.ToString(), "the case", expected, current.Version)
            : current;
    }

    private CoordinationCase? FindOpen(FamilyId? family, IEnumerable<Bsn> youths)
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

    private decimal HoursInUse(CoordinatorId coordinator) => _hoursInUse[coordinator];

    private decimal FreeHours(CareCoordinator coordinator) => coordinator.WeeklyHours - HoursInUse(coordinator.Id);

    // A coordinator carries a handful of cases, and a tier change alters the hours of one of them; recounting that
    // coordinator keeps the cached load exact without a second bookkeeping path for tier changes.
    private void Recount(CoordinatorId coordinator) =>
        _hoursInUse[coordinator] = _casesOf[coordinator].Sum(id => Policy.WeeklyHoursFor(_cases[id].Tier));

    private CoordinationCase Commit(CoordinationCase current, params CaseEvent[] events)
    {
        var next = current;
        foreach (var e in events)
        {
            next = next.Apply(e);
        }

        Persist(current.Id, current.Version, events);
        Store(current, next);
        _streams.OnUndo(() => Restore(next, current));
        return next;
    }

    private void Persist(CaseId @case, int expectedVersion, IReadOnlyList<CaseEvent> events) =>
        _streams.Append(StreamDocuments.Case, StreamId(@case.Value), expectedVersion, [.. events.Select(_documents.Write)]);

    private void AppendToPool(CoordinatorId coordinator, object change)
    {
        var version = _poolVersions.GetValueOrDefault(coordinator);
        _streams.Append(StreamDocuments.Coordinator, StreamId(coordinator.Value), version, [_documents.Write(change, _clock.GetCurrentInstant())]);
        _poolVersions[coordinator] = version + 1;
        _streams.OnUndo(() => _poolVersions[coordinator] = version);
    }

    private static string StreamId(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Rebuild(IEventStreamStore store)
    {
        var coordinators = store.ReadStreams(StreamDocuments.Coordinator);
        var families = store.ReadStreams(StreamDocuments.Family);
        var cases = store.ReadStreams(StreamDocuments.Case);
        _documents.Keying.Claim(store, coordinators.Count + families.Count + cases.Count > 0);
        foreach (var stream in coordinators)
        {
            var id = new CoordinatorId(int.Parse(stream.Id, CultureInfo.InvariantCulture));
            _poolVersions[id] = stream.Events.Count;
            if (_documents.ReadRecord(stream.Events[^1]) is CoordinatorJoinedPool joined)
            {
                _pool.Add(id, joined.ToCoordinator());
                _casesOf[id] = [];
                _hoursInUse[id] = 0m;
            }
        }

        foreach (var stream in families)
        {
            if (_documents.ReadRecord(stream.Events[^1]) is FamilyRecorded family)
            {
                _families[family.Id] = family.ToFamily();
            }
        }

        foreach (var stream in cases)
        {
            var @case = CoordinationCase.Replay(_documents.ReadCase(stream));
            _lastCase = Math.Max(_lastCase, @case.Id.Value);
            Store(null, @case);
        }
    }

    private void Store(CoordinationCase? before, CoordinationCase after)
    {
        if (before is not null)
        {
            Unindex(before);
        }

        _cases[after.Id] = after;
        Index(after);
    }

    /// <summary>Puts back the case as it was before a change the operation could not commit; <see langword="null"/> for a case the change opened.</summary>
    private void Restore(CoordinationCase after, CoordinationCase? before)
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
            _casesOf[coordinator].Add(@case.Id);
            Recount(coordinator);
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
        if (@case.Coordinator is { } coordinator && _casesOf.TryGetValue(coordinator, out var cases))
        {
            cases.Remove(@case.Id);
            Recount(coordinator);
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

    // Every change runs as one operation: it joins the one under way (an index registration whose match opens the
    // case) or begins its own, and its writes commit together; when they cannot, what it changed in memory is undone.
    private T Operation<T>(Func<T> change)
    {
        lock (_lock)
        {
            using var scope = _streams.Begin();
            var result = change();
            scope?.Complete();
            return result;
        }
    }

    private void Operation(Action change) => Operation(() =>
    {
        change();
        return true;
    });
}
