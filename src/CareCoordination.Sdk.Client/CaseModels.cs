using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Client;

// The wire shapes of the case, plan and family endpoints, as the client sends them.

internal sealed record IntakeBody(IReadOnlyList<Bsn> Youths, IntakeRoute Route, string? Meeting);

internal sealed record CaseHolderBody(Bsn Bsn, int? ExpectedVersion);

internal sealed record AssessmentBody(IReadOnlyList<ProblemDomains> ProblemDomains, ProblemDomains CoreProblem, bool SafetyThreatened, YouthProtectionMeasure? Measure, IReadOnlyList<OrganisationId> InvolvedOrganisations, int? ExpectedVersion);

internal sealed record AssignmentBody(CoordinatorId? Coordinator, int? ExpectedVersion);

internal sealed record HandoverBody(OrganisationId YouthProtection, YouthProtectionMeasure Measure, string Agreements, IReadOnlyList<OrganisationId> InvolvedOrganisations, int FeedbackIntervalDays, int? ExpectedVersion);

internal sealed record FeedbackBody(Bsn Bsn, int? ExpectedVersion);

internal sealed record PlanGoalBody(string Description, int ExpectedVersion);

internal sealed record PlanActionBody(int Goal, ActionKind Kind, string Description, OrganisationId Owner, ProfessionalId Professional, LocalDate Due, int ExpectedVersion);

internal sealed record PlanVersionBody(int ExpectedVersion);

internal sealed record PlanReviewBody(IReadOnlyDictionary<int, string> Progress, IReadOnlyList<int> Reached, int ExpectedVersion);

internal sealed record EnforcementOrderBody(OrganisationId Provider, string Ordered, LocalDate By, ProfessionalId DecidedBy, int ExpectedVersion);

internal sealed record FamilyBody(IReadOnlyList<Bsn> Youths, IReadOnlyList<Bsn> Carers);
