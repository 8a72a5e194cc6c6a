using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The plan was reviewed (<em>evaluatie</em>): progress per goal, goals reached, and the plan adjusted to changed circumstances.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Progress">The progress per goal number.</param>
/// <param name="Reached">The goals the review found reached.</param>
public sealed record PlanReviewed(CaseId Plan, Instant At, ProfessionalId By, IReadOnlyDictionary<int, string> Progress, IReadOnlyList<int> Reached) : PlanEvent(Plan, At, By);
