using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Coordination.Desk;

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
/// read cases through <see cref="Privacy.Access.PersonDataAccess"/>; the desk itself answers only with case numbers, meetings
/// and aggregates.
/// </remarks>
public sealed partial class CoordinationDesk
{
    // The desk is the public face of internal rooms with one job each: CaseIndex (the cases, the one open case per
    // family and youth), CaseJournal (writes a case's events, then changes memory), OneCasePerFamily (intake),
    // KnownFamilies, CoordinatorPool (members, caseloads, hours in use), CoordinatorSelection (who coordinates a case)
    // and CoordinationStatistics (the director's overview). The desk's lock guards them all.
    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents;
    private readonly KnownFamilies _families;
    private readonly CoordinatorPool _pool;
    private readonly CaseIndex _cases;
    private readonly CaseJournal _journal;
    private readonly CoordinatorSelection _selection;
    private readonly OneCasePerFamily _intake;
    private SocialMap _socialMap;

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
        _families = new KnownFamilies(_streams, _documents, _clock);
        _pool = new CoordinatorPool(Policy, _streams, _documents, _clock);
        _cases = new CaseIndex(_pool);
        _journal = new CaseJournal(_cases, _streams, _documents);
        _selection = new CoordinatorSelection(_pool, Policy, _journal, _clock);
        _intake = new OneCasePerFamily(_families, _cases, _journal, Policy, _clock);
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
    public IReadOnlyList<CareCoordinator> Pool => Read<IReadOnlyList<CareCoordinator>>(() => [.. _pool.Members]);

    /// <summary>Replaces the social map, for example when an organisation changes its services.</summary>
    /// <param name="socialMap">The new map.</param>
    public void UpdateSocialMap(SocialMap socialMap) => Volatile.Write(ref _socialMap, Guard.NotNull(socialMap));

    /// <summary>
    /// Tells the desk about a family from the population register, so that an intake about one of its youths finds the
    /// family's case. With a store, the family is kept there too — its current members only: a replaced family leaves
    /// no earlier member behind, as the index's family rows do.
    /// </summary>
    /// <remarks>The desk hears of the population register's families through <see cref="ReferenceIndexIntake"/>, in the operation of <see cref="Privacy.Access.PersonDataAccess.AddOrReplaceFamily"/>.</remarks>
    /// <param name="family">The family.</param>
    internal void AddOrReplaceFamily(Family family)
    {
        Guard.NotNull(family);
        Operation(() => _families.AddOrReplace(family));
    }

    /// <summary>
    /// Takes in a concern from an intake route: opens the family's case, or joins the open case that already handles
    /// the family or one of its youths, so that a family has one open case however many routes reach it.
    /// </summary>
    /// <remarks>People bring a concern in through <see cref="Privacy.Access.PersonDataAccess.TakeIn"/>, which audits it; the index's matches come in through <see cref="ReferenceIndexIntake"/>.</remarks>
    /// <param name="intake">The intake.</param>
    /// <param name="alsoInOperation">What else belongs to the intake, such as its audit records (told which case handles it): it runs after the intake, in its operation, so it commits and rolls back with it.</param>
    /// <returns>Which case handles the family, in which meeting, and whether this intake opened it.</returns>
    internal IntakeResult Intake(CaseIntake intake, Action<IntakeResult>? alsoInOperation = null)
    {
        Guard.NotNull(intake);
        return Operation(() =>
        {
            var result = _intake.TakeIn(intake);
            alsoInOperation?.Invoke(result);
            return result;
        });
    }

    /// <summary>Tells an intake route which open case handles a family, in which meeting — without any person's data.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The case, its meeting, routes and status; <see langword="null"/> when the family has no open case.</returns>
    public IntakeResult? WhichCaseHandles(FamilyId family) => Read(() => OneCasePerFamily.Handling(_cases.FindOpen(family, [])));

    /// <summary>Tells an intake route which open case handles a youth or the youth's family, in which meeting — without any person's data.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The case, its meeting, routes and status; <see langword="null"/> when the youth has no open case.</returns>
    internal IntakeResult? WhichCaseHandles(Bsn youth) => Read(() => OneCasePerFamily.Handling(_cases.FindOpen(null, [youth])));

    /// <summary>Finds the open case that handles a family: the question every intake route can ask.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The case, or <see langword="null"/> when the family has no open case.</returns>
    internal CoordinationCase? FindOpenCase(FamilyId family) => Read(() => _cases.FindOpen(family, []));

    /// <summary>Finds the open case that handles a youth or the youth's family.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The case, or <see langword="null"/> when the youth has no open case.</returns>
    internal CoordinationCase? FindOpenCase(Bsn youth) => Read(() => _cases.FindOpen(null, [youth]));

    /// <summary>Gets a case, open or closed.</summary>
    /// <param name="case">The case.</param>
    /// <returns>The case as it is now.</returns>
    /// <exception cref="NotFoundException">The desk does not know the case.</exception>
    internal CoordinationCase GetCase(CaseId @case) => Read(() => _cases.Get(@case));

    /// <summary>Names the professional already involved who aligns the help as case holder (<em>casushouder</em>); in tier none no separate coordinator is needed.</summary>
    /// <param name="case">The case.</param>
    /// <param name="caseHolder">The professional.</param>
    /// <param name="organisation">The professional's organisation.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="ArgumentException">The organisation is not involved in the case; nothing changed.</exception>
    internal CoordinationCase NameCaseHolder(CaseId @case, ProfessionalId caseHolder, OrganisationId organisation, int? expectedVersion = null)
    {
        Guard.NotDefault(caseHolder);
        Guard.NotDefault(organisation);
        return Operation(() =>
        {
            var current = _cases.Get(@case, expectedVersion);

            // The access rules grant the case holder the case (R3), so only an organisation already involved may hold it.
            if (!current.InvolvedOrganisations.Contains(organisation))
            {
                throw new ArgumentException(Messages.Format(CoordinationMessages.CaseHolderNotInvolved, organisation, @case), nameof(organisation));
            }

            return _journal.Record(current, new CaseHolderNamed(@case, _clock.GetCurrentInstant(), caseHolder, organisation));
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
    internal TierDecision Assess(CaseId @case, CaseAssessment assessment, int? expectedVersion = null)
    {
        Guard.NotNull(assessment);
        return Operation(() =>
        {
            var current = _cases.Get(@case, expectedVersion);
            var now = _clock.GetCurrentInstant();
            var involved = current.InvolvedOrganisations.Union(assessment.InvolvedOrganisations).Count();
            var decision = Policy.TierRules.Decide(assessment, involved);
            var events = new List<CaseEvent>();
            if (_selection.ReasonToRelease(current, decision.Tier) is { } reason)
            {
                events.Add(new CoordinatorReleased(@case, now, current.Coordinator!.Value, reason));
            }

            events.Add(new CaseAssessed(@case, now, current.Tier, decision.Tier, assessment.ProblemDomains, assessment.CoreProblem, assessment.InvolvedOrganisations, decision.Reasons));
            _journal.Record(current, [.. events]);
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
    internal AssignmentDecision AssignCoordinator(CaseId @case, int? expectedVersion = null)
    {
        return Operation(() => _selection.AssignBest(_cases.Get(@case, expectedVersion), SocialMap, null));
    }

    /// <summary>Assigns a coordinator the director chose, when that coordinator is qualified for the tier and has room.</summary>
    /// <param name="case">The case; it must be <see cref="CaseStatus.AwaitingCoordinator"/>.</param>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The decision; refused, with nothing changed, when the coordinator is not qualified or has no room.</returns>
    /// <exception cref="NotFoundException">The desk does not know the case or the coordinator.</exception>
    /// <exception cref="CaseTransitionRefusedException">The case does not wait for a coordinator.</exception>
    internal AssignmentDecision AssignChosenCoordinator(CaseId @case, CoordinatorId coordinator, int? expectedVersion = null)
    {
        return Operation(() => _selection.AssignChosen(_cases.Get(@case, expectedVersion), coordinator));
    }

    /// <summary>Tries to assign a coordinator to every case that waits for one, longest-waiting first.</summary>
    /// <returns>One decision per waiting case.</returns>
    public IReadOnlyList<AssignmentDecision> AssignWaitingCases()
    {
        return Operation<IReadOnlyList<AssignmentDecision>>(() =>
        {
            return
            [
                .. _cases.All
                    .Where(c => c.Status == CaseStatus.AwaitingCoordinator)
                    .OrderBy(c => c.WaitingSince)
                    .ThenBy(c => c.Id)
                    .ToList()
                    .Select(c => _selection.AssignBest(_cases[c.Id], SocialMap, null)),
            ];
        });
    }

    /// <summary>Releases the case's coordinator and assigns another, preferring the same rules; when nobody can take it, the case waits with the reason.</summary>
    /// <param name="case">The case; it must be <see cref="CaseStatus.Coordinated"/>.</param>
    /// <param name="reason">Why, for example "the family asked for another coordinator".</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The decision about the new coordinator.</returns>
    internal AssignmentDecision Reassign(CaseId @case, string reason, int? expectedVersion = null)
    {
        Guard.NotBlank(reason);
        return Operation(() =>
        {
            var current = _cases.Get(@case, expectedVersion);
            var former = current.Coordinator ?? throw new CaseTransitionRefusedException(@case, current.Status, CaseTrigger.ReleaseCoordinator, CoordinationMessages.RuleOnlyCoordinatedCaseReassigned);
            var released = _journal.Record(current, new CoordinatorReleased(@case, _clock.GetCurrentInstant(), former, reason));
            return _selection.AssignBest(released, SocialMap, former);
        });
    }

    /// <summary>Releases the case's coordinator; the case waits for another.</summary>
    /// <param name="case">The case; it must be <see cref="CaseStatus.Coordinated"/>.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    internal CoordinationCase ReleaseCoordinator(CaseId @case, string reason, int? expectedVersion = null)
    {
        Guard.NotBlank(reason);
        return Operation(() =>
        {
            var current = _cases.Get(@case, expectedVersion);
            var former = current.Coordinator ?? throw new CaseTransitionRefusedException(@case, current.Status, CaseTrigger.ReleaseCoordinator, CoordinationMessages.RuleCaseHasNoCoordinator);
            return _journal.Record(current, new CoordinatorReleased(@case, _clock.GetCurrentInstant(), former, reason));
        });
    }

    /// <summary>Adds a coordinator to the pool.</summary>
    /// <param name="coordinator">The coordinator.</param>
    /// <exception cref="ArgumentException">The pool already has a coordinator with that identifier.</exception>
    public void AddCoordinator(CareCoordinator coordinator)
    {
        Guard.NotNull(coordinator);
        Operation(() => _pool.Join(coordinator));
    }

    /// <summary>Takes a coordinator out of the pool; each of the coordinator's cases is released and reassigned, or waits with the reason — none is lost.</summary>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="reason">Why the coordinator leaves, for example "left the organisation".</param>
    /// <returns>One decision per case the coordinator had.</returns>
    /// <exception cref="NotFoundException">The pool has no such coordinator.</exception>
    public IReadOnlyList<AssignmentDecision> RemoveCoordinator(CoordinatorId coordinator, string reason)
    {
        Guard.NotBlank(reason);
        return Operation<IReadOnlyList<AssignmentDecision>>(() =>
        {
            if (!_pool.TryGet(coordinator, out var member))
            {
                throw NotFoundException.Unknown(coordinator.ToString(), "the coordination desk");
            }

            var now = _clock.GetCurrentInstant();
            var released = _pool.CasesOf(coordinator).Select(id => _journal.Record(_cases[id], new CoordinatorReleased(id, now, coordinator, "the coordinator left the pool: " + reason))).ToArray();
            _pool.Leave(member, reason);
            return [.. released.Select(c => _selection.AssignBest(_cases[c.Id], SocialMap, coordinator))];
        });
    }

    /// <summary>
    /// Hands coordination over to youth protection (<em>overdracht</em>) with its record, because of an indication for
    /// youth care or a protection measure. A coordinator from the pool is released in the same change, and youth
    /// protection becomes involved in the case, so that its professional can take it as case holder (R3).
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="handover">The handover record.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="ArgumentException">The handover names an organisation to report back to that is not involved in the case; nothing changed.</exception>
    internal CoordinationCase HandOverToYouthProtection(CaseId @case, Handover handover, int? expectedVersion = null)
    {
        Guard.NotNull(handover);
        return Operation(() =>
        {
            var current = _cases.Get(@case, expectedVersion);

            // Youth protection reports back to the professionals who know the family; an organisation outside the
            // case would learn of the measure through the feedback.
            if (handover.InvolvedOrganisations.Except(current.InvolvedOrganisations).ToArray() is { Length: > 0 } strangers)
            {
                throw new ArgumentException(Messages.Format(CoordinationMessages.HandoverToStrangers, @case, string.Join(", ", strangers)), nameof(handover));
            }

            var now = _clock.GetCurrentInstant();
            var events = new List<CaseEvent>();
            if (current.Coordinator is { } coordinator)
            {
                events.Add(new CoordinatorReleased(@case, now, coordinator, "coordination handed over to youth protection (" + handover.Measure + ")"));
            }

            events.Add(new CaseHandedOver(@case, now, handover));
            return _journal.Record(current, [.. events]);
        });
    }

    /// <summary>Records that youth protection informed an involved organisation (<em>terugkoppeling</em>); the next feedback falls due one interval later.</summary>
    /// <param name="case">The case; it must be handed over.</param>
    /// <param name="informed">The organisation informed; one of the handover's involved organisations.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    internal CoordinationCase RecordFeedback(CaseId @case, OrganisationId informed, int? expectedVersion = null)
    {
        Guard.NotDefault(informed);
        return Operation(() => _journal.Record(_cases.Get(@case, expectedVersion), new FeedbackRecorded(@case, _clock.GetCurrentInstant(), informed)));
    }

    /// <summary>Lists the feedback youth protection owes and has not given in time, over all handed-over cases.</summary>
    /// <returns>The overdue feedback, most overdue first.</returns>
    public IReadOnlyList<FeedbackDue> GetOverdueFeedback()
    {
        lock (_gate)
        {
            var now = _clock.GetCurrentInstant();
            return [.. _cases.All.SelectMany(c => c.GetFeedbackDue()).Where(f => f.IsOverdueAt(now)).OrderBy(f => f.DueAt).ThenBy(f => f.Case)];
        }
    }

    /// <summary>Brings coordination back from youth protection when the measure or indication ends; the case waits for a coordinator or a case holder as its tier requires.</summary>
    /// <param name="case">The case; it must be handed over.</param>
    /// <param name="reason">Why, for example "supervision order ended".</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    internal CoordinationCase ReturnFromYouthProtection(CaseId @case, string reason, int? expectedVersion = null)
    {
        Guard.NotBlank(reason);
        return Operation(() => _journal.Record(_cases.Get(@case, expectedVersion), new CaseReturned(@case, _clock.GetCurrentInstant(), reason)));
    }

    /// <summary>Records hours an organisation spent on coordinating a case, so that the municipality sees what coordination costs per tier and per organisation.</summary>
    /// <param name="case">The case.</param>
    /// <param name="organisation">The organisation whose coordinator or case holder spent them.</param>
    /// <param name="hours">The hours; more than 0 and at most 168.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    internal CoordinationCase RecordCoordinationHours(CaseId @case, OrganisationId organisation, decimal hours, int? expectedVersion = null)
    {
        Guard.NotDefault(organisation);
        if (hours is <= 0 or > 168)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Hours must be more than 0 and at most 168.");
        }

        return Operation(() =>
        {
            var current = _cases.Get(@case, expectedVersion);
            return _journal.Record(current, new CoordinationHoursRecorded(@case, _clock.GetCurrentInstant(), organisation, current.Tier, hours));
        });
    }

    /// <summary>Closes a case with its outcome; a coordinator is freed at once. A later concern about the family opens a new case.</summary>
    /// <param name="case">The case.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the caller saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    internal CoordinationCase Close(CaseId @case, CaseOutcome outcome, int? expectedVersion = null)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "The outcome is not defined.");
        }

        return Operation(() => _journal.Record(_cases.Get(@case, expectedVersion), new CaseClosed(@case, _clock.GetCurrentInstant(), outcome)));
    }

    /// <summary>Builds the coordination director's overview: aggregates only, no BSN.</summary>
    /// <returns>The overview.</returns>
    public CoordinationOverview GetOverview() => Read(() => CoordinationStatistics.Overview(_clock.GetCurrentInstant(), _cases.All, _pool));

    internal ProfessionalId? ProfessionalOf(CoordinatorId coordinator) => Read<ProfessionalId?>(() => _pool.TryGet(coordinator, out var found) ? found.Professional : null);

    internal IReadOnlyList<CaseId> ClosedCaseIds() => Read<IReadOnlyList<CaseId>>(() => [.. _cases.All.Where(c => !c.IsOpen).Select(c => c.Id).Order()]);

    private void Rebuild(IEventStreamStore store)
    {
        var coordinators = store.ReadStreams(StreamDocuments.Coordinator);
        var families = store.ReadStreams(StreamDocuments.Family);
        var cases = store.ReadStreams(StreamDocuments.Case);
        _documents.Keying.Claim(store, coordinators.Count + families.Count + cases.Count > 0);
        _pool.Rebuild(coordinators);
        _families.Rebuild(families);
        _journal.Rebuild(cases);
    }

    private T Operation<T>(Func<T> change) => _streams.Run(_gate, change);

    /// <summary>Runs changes of this area and what belongs to them, such as their audit records, as one operation.</summary>
    internal T InOperation<T>(Func<T> change) => Operation(change);

    private void Operation(Action change) => Operation(() =>
    {
        change();
        return true;
    });

    private T Read<T>(Func<T> read) => _streams.Read(_gate, read);
}
