using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Client;

// Cases, family plans and families. The service takes the acting organisation and professional from the access token.
// Every change to a case or plan carries an idempotency key of its own call, so that the resilience handler's retry
// after a lost answer gets the first answer back instead of applying the change twice. A retry of the vendor's own (a
// new call, after a crash) names the version it was made on, so that it, or a colleague's change in between, is
// refused with 409 instead of applied twice or overwritten.
public sealed partial class CareCoordinationClient
{
    /// <summary>Brings a concern about one or more youths in through an intake route: opens the family's case, or joins the one that handles it.</summary>
    /// <param name="youths">The youths, 1 to 20.</param>
    /// <param name="route">The intake route (<em>meldroute</em>).</param>
    /// <param name="meeting">The meeting the route proposes (<em>overleg</em>), or <see langword="null"/> for the region's default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Which case handles the family, in which meeting, and whether this intake opened it.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the intake.</exception>
    public Task<IntakeResult> TakeInAsync(IReadOnlyList<Bsn> youths, IntakeRoute route, string? meeting = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(youths);
        return SendAsync(HttpMethod.Post, "v1/case-intakes", new IntakeBody(youths, route, meeting), Json.IntakeBody, Json.IntakeResult, NewKey(), cancellationToken);
    }

    /// <summary>Reads a case, for its coordinator or case holder (R3): where it stands and its version.</summary>
    /// <param name="case">The case.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The case.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 403 (R3) for anyone else.</exception>
    public Task<CaseSummary> GetCaseAsync(CaseId @case, CancellationToken cancellationToken = default) =>
        SendAsync<PlanVersionBody, CaseSummary>(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"v1/cases/{@case.Value}"), null, null, Json.CaseSummary, null, cancellationToken);

    /// <summary>Reads a case's family plan, for the case's coordinator or case holder (R3).</summary>
    /// <param name="case">The case.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 404 when the case has no plan yet.</exception>
    public Task<PlanSummary> GetPlanAsync(CaseId @case, CancellationToken cancellationToken = default) =>
        SendAsync<PlanVersionBody, PlanSummary>(HttpMethod.Get, CasePath(@case, "plan"), null, null, Json.PlanSummary, null, cancellationToken);

    /// <summary>Names the caller case holder (<em>casushouder</em>) of a case its organisation is involved in.</summary>
    /// <param name="case">The case.</param>
    /// <param name="youth">A youth of the case, which shows the organisation's involvement.</param>
    /// <param name="expectedVersion">The case's version the caller saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 403 (R3) when the organisation is not involved.</exception>
    public Task<CaseSummary> NameCaseHolderAsync(CaseId @case, Bsn youth, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, CasePath(@case, "case-holder"), new CaseHolderBody(youth, expectedVersion), Json.CaseHolderBody, Json.CaseSummary, NewKey(), cancellationToken);

    /// <summary>Decides a case's tier from an assessment; the caller is the case's coordinator or case holder.</summary>
    /// <param name="case">The case.</param>
    /// <param name="assessment">The assessment.</param>
    /// <param name="expectedVersion">The case's version the caller saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tier and its reasons.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the assessment.</exception>
    public Task<TierDecision> AssessAsync(CaseId @case, CaseAssessment assessment, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ProblemDomains[] domains = [.. Enum.GetValues<ProblemDomains>().Where(d => d != ProblemDomains.None && assessment.ProblemDomains.HasFlag(d))];
        var body = new AssessmentBody(domains, assessment.CoreProblem, assessment.SafetyThreatened, assessment.Measure, assessment.InvolvedOrganisations, expectedVersion);
        return SendAsync(HttpMethod.Post, CasePath(@case, "assessments"), body, Json.AssessmentBody, Json.TierDecision, NewKey(), cancellationToken);
    }

    /// <summary>Assigns the best coordinator from the pool to a waiting case, or the one named; for the coordination director.</summary>
    /// <param name="case">The case.</param>
    /// <param name="coordinator">The coordinator the director chose, or <see langword="null"/> for the pool's best.</param>
    /// <param name="expectedVersion">The case's version the caller saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Who took the case, or why nobody could.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 422 when the case does not wait for a coordinator.</exception>
    public Task<CoordinatorAssignment> AssignCoordinatorAsync(CaseId @case, CoordinatorId? coordinator = null, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, CasePath(@case, "coordinator-assignments"), new AssignmentBody(coordinator, expectedVersion), Json.AssignmentBody, Json.CoordinatorAssignment, NewKey(), cancellationToken);

    /// <summary>Hands coordination over to youth protection (<em>overdracht</em>); the caller is the case's coordinator or case holder.</summary>
    /// <param name="case">The case.</param>
    /// <param name="handover">The handover record; its interval is sent in whole days.</param>
    /// <param name="expectedVersion">The case's version the caller saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the handover.</exception>
    public Task<CaseSummary> HandOverAsync(CaseId @case, Handover handover, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handover);
        var body = new HandoverBody(handover.YouthProtection, handover.Measure, handover.Agreements, handover.InvolvedOrganisations, (int)handover.FeedbackInterval.TotalDays, expectedVersion);
        return SendAsync(HttpMethod.Post, CasePath(@case, "handovers"), body, Json.HandoverBody, Json.CaseSummary, NewKey(), cancellationToken);
    }

    /// <summary>Records that youth protection reported back (<em>terugkoppeling</em>) to the caller's organisation on a handed-over case.</summary>
    /// <param name="case">The case.</param>
    /// <param name="youth">A youth of the case, which shows the organisation's involvement.</param>
    /// <param name="expectedVersion">The case's version the caller saw, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the feedback is recorded.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the record.</exception>
    public Task RecordFeedbackAsync(CaseId @case, Bsn youth, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExchangeAsync(HttpMethod.Post, CasePath(@case, "feedback-reports"), new FeedbackBody(youth, expectedVersion), Json.FeedbackBody, NewKey(), cancellationToken);

    /// <summary>Drafts the one plan of a coordinated case (<em>1 gezin, 1 plan</em>).</summary>
    /// <param name="case">The case.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan, at version 1.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 422 when the case already has a plan.</exception>
    public Task<PlanSummary> DraftPlanAsync(CaseId @case, CancellationToken cancellationToken = default) =>
        SendAsync<PlanVersionBody, PlanSummary>(HttpMethod.Post, CasePath(@case, "plan"), null, null, Json.PlanSummary, NewKey(), cancellationToken);

    /// <summary>Sets a goal for the family.</summary>
    /// <param name="case">The case.</param>
    /// <param name="description">The goal.</param>
    /// <param name="expectedVersion">The plan's version the change was made on.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 409 when the plan changed since.</exception>
    public Task<PlanSummary> SetPlanGoalAsync(CaseId @case, string description, int expectedVersion, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, CasePath(@case, "plan/goals"), new PlanGoalBody(description, expectedVersion), Json.PlanGoalBody, Json.PlanSummary, NewKey(), cancellationToken);

    /// <summary>Agrees an action: which organisation and professional do what for which goal, by when.</summary>
    /// <param name="case">The case.</param>
    /// <param name="goal">The goal's number.</param>
    /// <param name="kind">Help, or feedback to the others.</param>
    /// <param name="description">What.</param>
    /// <param name="owner">The owning organisation.</param>
    /// <param name="professional">Who does it.</param>
    /// <param name="due">By when.</param>
    /// <param name="expectedVersion">The plan's version the change was made on.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the change.</exception>
    public Task<PlanSummary> AgreePlanActionAsync(CaseId @case, int goal, ActionKind kind, string description, OrganisationId owner, ProfessionalId professional, LocalDate due, int expectedVersion, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, CasePath(@case, "plan/actions"), new PlanActionBody(goal, kind, description, owner, professional, due, expectedVersion), Json.PlanActionBody, Json.PlanSummary, NewKey(), cancellationToken);

    /// <summary>Records that an action was done.</summary>
    /// <param name="case">The case.</param>
    /// <param name="action">The action's number.</param>
    /// <param name="expectedVersion">The plan's version the change was made on.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the change.</exception>
    public Task<PlanSummary> CompletePlanActionAsync(CaseId @case, int action, int expectedVersion, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, CasePath(@case, string.Create(CultureInfo.InvariantCulture, $"plan/actions/{action}/completions")), new PlanVersionBody(expectedVersion), Json.PlanVersionBody, Json.PlanSummary, NewKey(), cancellationToken);

    /// <summary>Reviews the plan: progress per goal number, and the goals reached.</summary>
    /// <param name="case">The case.</param>
    /// <param name="progress">The progress per goal number.</param>
    /// <param name="reached">The numbers of the goals reached.</param>
    /// <param name="expectedVersion">The plan's version the change was made on.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the change.</exception>
    public Task<PlanSummary> ReviewPlanAsync(CaseId @case, IReadOnlyDictionary<int, string> progress, IReadOnlyList<int> reached, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(reached);
        return SendAsync(HttpMethod.Post, CasePath(@case, "plan/reviews"), new PlanReviewBody(progress, reached, expectedVersion), Json.PlanReviewBody, Json.PlanSummary, NewKey(), cancellationToken);
    }

    /// <summary>Moves the plan one step on the escalation ladder when it stalls, or down when it moves again (the daily check, on demand).</summary>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The plan's version the check was made on.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan after the check; the same version when no step was due.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the check.</exception>
    public Task<PlanSummary> CheckPlanEscalationAsync(CaseId @case, int expectedVersion, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, CasePath(@case, "plan/escalation-checks"), new PlanVersionBody(expectedVersion), Json.PlanVersionBody, Json.PlanSummary, NewKey(), cancellationToken);

    /// <summary>Records the municipality's enforcement order (<em>doorzettingsmacht</em>) on a plan escalated to the municipality.</summary>
    /// <param name="case">The case.</param>
    /// <param name="order">The order, as the municipal official decided it.</param>
    /// <param name="expectedVersion">The plan's version the change was made on.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 422 when the plan is not escalated to the municipality.</exception>
    public Task<PlanSummary> RecordEnforcementOrderAsync(CaseId @case, EnforcementOrder order, int expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        var body = new EnforcementOrderBody(order.Provider, order.Ordered, order.By, order.DecidedBy, expectedVersion);
        return SendAsync(HttpMethod.Post, CasePath(@case, "plan/enforcement-orders"), body, Json.EnforcementOrderBody, Json.PlanSummary, NewKey(), cancellationToken);
    }

    /// <summary>Records a family as the population register knows it, or replaces the family with the same number; for the municipality's BRP feed.</summary>
    /// <param name="family">The family: a household's youths and the parents or carers they share.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the family is recorded.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the family.</exception>
    public Task RecordFamilyAsync(Family family, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(family);
        var path = string.Create(CultureInfo.InvariantCulture, $"v1/families/{family.Id.Value}");
        return ExchangeAsync(HttpMethod.Put, path, new FamilyBody(family.Youths, family.Carers), Json.FamilyBody, NewKey(), cancellationToken);
    }

    // A fresh key per call: the resilience handler resends the same request, key included, on each attempt.
    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static string CasePath(CaseId @case, string rest) => string.Create(CultureInfo.InvariantCulture, $"v1/cases/{@case.Value}/{rest}");
}
