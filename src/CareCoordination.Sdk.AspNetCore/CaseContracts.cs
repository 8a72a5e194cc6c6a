using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

// The bodies of the case and plan endpoints. The organisation and the professional who act come from the credential;
// an organisation or professional in a body is always someone else (an action's owner, youth protection, the
// municipal official who decided an enforcement order).

/// <summary>A concern brought in through an intake route, about one or more youths.</summary>
internal sealed record IntakeRequest(IReadOnlyList<Bsn> Youths, IntakeRoute Route, string? Meeting = null);

/// <summary>The caller names itself case holder; the youth shows that its organisation is involved in the case.</summary>
internal sealed record CaseHolderRequest(Bsn Bsn, int? ExpectedVersion = null);

/// <summary>What the professionals know of the family's situation, to decide the tier.</summary>
internal sealed record AssessmentRequest(
    IReadOnlyList<ProblemDomains> ProblemDomains,
    ProblemDomains CoreProblem,
    bool SafetyThreatened,
    YouthProtectionMeasure? Measure = null,
    IReadOnlyList<OrganisationId>? InvolvedOrganisations = null,
    int? ExpectedVersion = null);

/// <summary>The director assigns the best coordinator from the pool, or the one named.</summary>
internal sealed record AssignmentRequest(CoordinatorId? Coordinator = null, int? ExpectedVersion = null);

/// <summary>Who took the case and why, or why nobody could.</summary>
internal sealed record AssignmentResponse(CaseId Case, bool IsAssigned, CoordinatorId? Coordinator, OrganisationId? Organisation, bool IsFallback, string Reason)
{
    public static AssignmentResponse Of(AssignmentDecision decision) =>
        new(decision.Case, decision.IsAssigned, decision.Coordinator, decision.Organisation, decision.IsFallback, decision.Reason);
}

/// <summary>The record of handing coordination over to youth protection.</summary>
internal sealed record HandoverRequest(
    OrganisationId YouthProtection,
    YouthProtectionMeasure Measure,
    string Agreements,
    IReadOnlyList<OrganisationId> InvolvedOrganisations,
    int FeedbackIntervalDays,
    int? ExpectedVersion = null);

/// <summary>The caller's organisation heard back from youth protection; the youth shows that it is involved in the case.</summary>
internal sealed record FeedbackRequest(Bsn Bsn, int? ExpectedVersion = null);

/// <summary>A case as its coordinator or case holder sees it: where it stands, never a BSN.</summary>
internal sealed record CaseResponse(
    CaseId Id,
    int Version,
    CaseStatus Status,
    CoordinationTier Tier,
    IReadOnlyList<string> TierReasons,
    string Meeting,
    IReadOnlyList<IntakeRoute> Routes,
    IReadOnlyList<OrganisationId> InvolvedOrganisations,
    ProfessionalId? CaseHolder,
    OrganisationId? CaseHolderOrganisation,
    CoordinatorId? Coordinator,
    OrganisationId? CoordinatorOrganisation,
    string? WaitingReason,
    OrganisationId? HandedOverTo)
{
    public static CaseResponse Of(CoordinationCase c) => new(
        c.Id,
        c.Version,
        c.Status,
        c.Tier,
        c.TierReasons,
        c.Meeting,
        c.Routes,
        [.. c.InvolvedOrganisations],
        c.CaseHolder,
        c.CaseHolderOrganisation,
        c.Coordinator,
        c.CoordinatorOrganisation,
        c.WaitingReason,
        c.Handover?.YouthProtection);
}

/// <summary>A goal for the family.</summary>
internal sealed record PlanGoalRequest(string Description, int ExpectedVersion);

/// <summary>An action agreed for a goal: who does what, by when.</summary>
internal sealed record PlanActionRequest(int Goal, ActionKind Kind, string Description, OrganisationId Owner, ProfessionalId Professional, LocalDate Due, int ExpectedVersion);

/// <summary>A change of the plan that needs nothing but the version it was made on.</summary>
internal sealed record PlanVersionRequest(int ExpectedVersion);

/// <summary>A review: progress per goal number, and the goals reached.</summary>
internal sealed record PlanReviewRequest(IReadOnlyDictionary<int, string> Progress, IReadOnlyList<int> Reached, int ExpectedVersion);

/// <summary>The municipality's enforcement order, decided by a municipal official and recorded by the case's coordinator.</summary>
internal sealed record EnforcementOrderRequest(OrganisationId Provider, string Ordered, LocalDate By, ProfessionalId DecidedBy, int ExpectedVersion);

/// <summary>A family plan as its coordinator or case holder sees it.</summary>
internal sealed record PlanResponse(
    CaseId Case,
    int Version,
    EscalationLevel Escalation,
    LocalDate? EscalationDeadline,
    IReadOnlyList<PlanGoal> Goals,
    IReadOnlyList<PlanAction> Actions,
    IReadOnlyList<EnforcementOrderResponse> EnforcementOrders)
{
    public static PlanResponse Of(FamilyPlan plan) => new(
        plan.Case,
        plan.Version,
        plan.Escalation,
        plan.EscalationDeadline,
        plan.Goals,
        plan.Actions,
        [.. plan.EnforcementOrders.Select(o => new EnforcementOrderResponse(o.Provider, o.Ordered, o.By, o.DecidedBy))]);
}

/// <summary>An enforcement order on the wire.</summary>
internal sealed record EnforcementOrderResponse(OrganisationId Provider, string Ordered, LocalDate By, ProfessionalId DecidedBy);
