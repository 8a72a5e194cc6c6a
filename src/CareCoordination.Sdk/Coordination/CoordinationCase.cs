using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// A coordination case (<em>casus</em>): the one case per family (<em>1 gezin, 1 plan</em>) that every intake route
/// joins, with its tier, its case holder or coordinator, a handover to youth protection, and its full history.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: the case is the fold of its events (<see cref="History"/>, <see cref="Replay"/>), and the
/// coordination desk replaces it with a new instance on every change. Every change is checked against
/// <see cref="CaseLifecycle"/>. <see cref="Version"/> counts the events, for optimistic concurrency.
/// <see cref="ToString"/> shows no BSN.
/// </remarks>
public sealed class CoordinationCase
{
    private CoordinationCase(CaseOpened opened)
    {
        Id = opened.Case;
        Family = opened.Family;
        Youths = [.. opened.Youths];
        Routes = [opened.Route];
        Meeting = opened.Meeting;
        OpenedAt = opened.At;
        ConcernSince = opened.ConcernSince;
        Tier = CoordinationTier.None;
        TierReasons = ["Not yet assessed: the professionals involved align the help themselves."];
        InvolvedOrganisations = [.. opened.Organisations.Distinct().Order()];
        Status = CaseStatus.AwaitingCaseHolder;
        WaitingReason = "No case holder named yet.";
        WaitingSince = opened.At;
        FeedbackGiven = ImmutableSortedDictionary<OrganisationId, Instant>.Empty;
        History = [opened];
    }

    /// <summary>Gets the identifier.</summary>
    public CaseId Id { get; }

    /// <summary>Gets the family, when an intake route knew it.</summary>
    public FamilyId? Family { get; }

    /// <summary>Gets the youths the case concerns: internal, so that their BSNs leave the SDK only through <see cref="Privacy.Access.PersonDataAccess"/>, with an actor and an audit record per youth.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    internal IReadOnlyList<Bsn> Youths { get; private set; }

    /// <summary>Gets the intake routes that reached the case, in the order they did, each once.</summary>
    public IReadOnlyList<IntakeRoute> Routes { get; private set; }

    /// <summary>Gets the meeting that handles the case (<em>overleg</em>); every route can ask for it.</summary>
    public string Meeting { get; }

    /// <summary>Gets when the case was opened.</summary>
    public Instant OpenedAt { get; }

    /// <summary>Gets when the concern first arose, for example when the first signal was registered.</summary>
    public Instant ConcernSince { get; }

    /// <summary>Gets the coordination tier.</summary>
    public CoordinationTier Tier { get; private set; }

    /// <summary>Gets why the case has its tier.</summary>
    public IReadOnlyList<string> TierReasons { get; private set; }

    /// <summary>Gets the family's problem domains, as last assessed.</summary>
    public ProblemDomains ProblemDomains { get; private set; }

    /// <summary>Gets the family's core problem (<em>kernprobleem</em>), as last assessed; <see cref="ProblemDomains.None"/> before the first assessment.</summary>
    public ProblemDomains CoreProblem { get; private set; }

    /// <summary>Gets the organisations known to be involved with the family.</summary>
    public IReadOnlyCollection<OrganisationId> InvolvedOrganisations { get; private set; }

    /// <summary>Gets where the case stands.</summary>
    public CaseStatus Status { get; private set; }

    /// <summary>Gets a value indicating whether the case is open.</summary>
    public bool IsOpen => Status != CaseStatus.Closed;

    /// <summary>Gets the case holder (<em>casushouder</em>), if one was named.</summary>
    public ProfessionalId? CaseHolder { get; private set; }

    /// <summary>Gets the case holder's organisation, if one was named.</summary>
    public OrganisationId? CaseHolderOrganisation { get; private set; }

    /// <summary>Gets the coordinator while the case is <see cref="CaseStatus.Coordinated"/>.</summary>
    public CoordinatorId? Coordinator { get; private set; }

    /// <summary>Gets the coordinator's parent organisation while the case is <see cref="CaseStatus.Coordinated"/>.</summary>
    public OrganisationId? CoordinatorOrganisation { get; private set; }

    /// <summary>Gets when a pool coordinator first took the case, if ever.</summary>
    public Instant? FirstCoordinatorAssignedAt { get; private set; }

    /// <summary>Gets why the case waits, while it is <see cref="CaseStatus.AwaitingCaseHolder"/> or <see cref="CaseStatus.AwaitingCoordinator"/>.</summary>
    public string? WaitingReason { get; private set; }

    /// <summary>Gets since when the case waits, while it does.</summary>
    public Instant? WaitingSince { get; private set; }

    /// <summary>Gets the handover record while the case is <see cref="CaseStatus.HandedOver"/>.</summary>
    public Handover? Handover { get; private set; }

    /// <summary>Gets when the current handover happened, while the case is handed over.</summary>
    public Instant? HandedOverAt { get; private set; }

    /// <summary>Gets how the case ended, once closed.</summary>
    public CaseOutcome? Outcome { get; private set; }

    /// <summary>Gets when the case was closed, once it is.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>Gets every event of the case, oldest first.</summary>
    internal IReadOnlyList<CaseEvent> History { get; private set; }

    /// <summary>Gets the number of events: the version a writer must name to change the case without overwriting another's change.</summary>
    public int Version => History.Count;

    private ImmutableSortedDictionary<OrganisationId, Instant> FeedbackGiven { get; set; }

    /// <summary>Rebuilds a case from its events.</summary>
    /// <param name="history">The events, oldest first; the first opens the case.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">The history is empty, does not start with <see cref="CaseOpened"/>, or mixes cases.</exception>
    /// <exception cref="CaseTransitionRefusedException">An event is not allowed where it stands.</exception>
    public static CoordinationCase Replay(IEnumerable<CaseEvent> history)
    {
        using var events = Guard.NotNull(history).GetEnumerator();
        if (!events.MoveNext() || events.Current is not CaseOpened opened)
        {
            throw new ArgumentException("A case's history starts with the event that opened it.", nameof(history));
        }

        var result = Open(opened);
        while (events.MoveNext())
        {
            result = result.Apply(Guard.NotNull(events.Current, nameof(history)));
        }

        return result;
    }

    /// <summary>Lists the feedback youth protection owes the involved organisations, while the case is handed over.</summary>
    /// <returns>One entry per involved organisation, ordered by organisation; empty when the case is not handed over.</returns>
    public IReadOnlyList<FeedbackDue> GetFeedbackDue()
    {
        if (Handover is not { } handover || HandedOverAt is not { } since)
        {
            return [];
        }

        return
        [
            .. handover.InvolvedOrganisations.Select(organisation =>
            {
                Instant? last = FeedbackGiven.TryGetValue(organisation, out var at) ? at : null;
                return new FeedbackDue(Id, organisation, last, (last ?? since) + handover.FeedbackInterval);
            }),
        ];
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id} ({Family?.ToString() ?? "no family"}, {Youths.Count} youths): {Status}, tier {Tier}");

    internal static CoordinationCase Open(CaseOpened opened) => new(Guard.NotNull(opened));

    internal CoordinationCase Apply(CaseEvent e)
    {
        if (e.Case != Id)
        {
            throw new ArgumentException($"The event belongs to {e.Case}, not to {Id}.", nameof(e));
        }

        if (e is CaseOpened)
        {
            throw new ArgumentException($"{Id} is already open.", nameof(e));
        }

        var to = e.TriggerFor(this) is { } trigger
            ? CaseLifecycle.Next(this, trigger)
            : Status == CaseStatus.Closed
                ? throw new CaseTransitionRefusedException(Id, Status, CaseTrigger.ChangeCoordinatedTier, CoordinationMessages.RuleClosedCaseNotReassessed)
                : Status;
        var next = (CoordinationCase)MemberwiseClone();
        next.History = [.. History, e];
        next.Change(e);
        next.Status = to;
        next.UpdateWaiting(Status, e);
        return next;
    }

    private void Change(CaseEvent e)
    {
        switch (e)
        {
            case IntakeJoined joined:
                Youths = [.. Youths.Concat(joined.NewYouths).Distinct()];
                Routes = Routes.Contains(joined.Route) ? Routes : [.. Routes, joined.Route];
                InvolvedOrganisations = [.. InvolvedOrganisations.Concat(joined.NewOrganisations).Distinct().Order()];
                break;
            case CaseHolderNamed named:
                CaseHolder = named.CaseHolder;
                CaseHolderOrganisation = named.Organisation;
                InvolvedOrganisations = [.. InvolvedOrganisations.Append(named.Organisation).Distinct().Order()];
                break;
            case CaseAssessed assessed:
                Tier = assessed.To;
                TierReasons = assessed.Reasons;
                ProblemDomains = assessed.ProblemDomains;
                CoreProblem = assessed.CoreProblem;
                InvolvedOrganisations = [.. InvolvedOrganisations.Concat(assessed.InvolvedOrganisations).Distinct().Order()];
                break;
            case CoordinatorAssigned assigned:
                Coordinator = assigned.Coordinator;
                CoordinatorOrganisation = assigned.Organisation;
                FirstCoordinatorAssignedAt ??= assigned.At;
                break;
            case CoordinatorReleased:
                Coordinator = null;
                CoordinatorOrganisation = null;
                break;
            case CaseHandedOver handedOver:
                Handover = handedOver.Handover;
                HandedOverAt = handedOver.At;
                FeedbackGiven = ImmutableSortedDictionary<OrganisationId, Instant>.Empty;

                // Coordination moved to youth protection, which is involved from now on: its professional may take the
                // case as case holder and so pass R3, which the released coordinator no longer does.
                InvolvedOrganisations = [.. InvolvedOrganisations.Append(handedOver.Handover.YouthProtection).Distinct().Order()];
                break;
            case FeedbackRecorded feedback when Handover is { } handover && handover.InvolvedOrganisations.Contains(feedback.Informed):
                FeedbackGiven = FeedbackGiven.SetItem(feedback.Informed, feedback.At);
                break;
            case FeedbackRecorded feedback:
                throw new ArgumentException($"{feedback.Informed} is not among the organisations youth protection reports back to on {Id}.", nameof(e));
            case CaseReturned:
                Handover = null;
                HandedOverAt = null;
                FeedbackGiven = ImmutableSortedDictionary<OrganisationId, Instant>.Empty;
                break;
            case CaseClosed closed:
                Outcome = closed.Outcome;
                ClosedAt = closed.At;
                Coordinator = null;
                CoordinatorOrganisation = null;
                Handover = null;
                HandedOverAt = null;
                break;
            default:
                break;
        }
    }

    private void UpdateWaiting(CaseStatus before, CaseEvent e)
    {
        switch (Status)
        {
            case CaseStatus.AwaitingCaseHolder:
                WaitingReason = "No case holder named yet.";
                WaitingSince = before == CaseStatus.AwaitingCaseHolder ? WaitingSince : e.At;
                break;
            case CaseStatus.AwaitingCoordinator:
                WaitingReason = e switch
                {
                    CoordinatorUnavailable unavailable => unavailable.Reason,
                    CoordinatorReleased released => $"{released.Coordinator} let go of the case: {released.Reason}",
                    _ when before == CaseStatus.AwaitingCoordinator => WaitingReason,
                    _ => "Waiting for the coordination director to assign a coordinator.",
                };
                WaitingSince = before == CaseStatus.AwaitingCoordinator ? WaitingSince : e.At;
                break;
            default:
                WaitingReason = null;
                WaitingSince = null;
                break;
        }
    }
}
