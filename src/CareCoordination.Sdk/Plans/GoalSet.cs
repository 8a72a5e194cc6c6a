using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>A goal was set for the family.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Number">The goal's number.</param>
/// <param name="Description">The goal.</param>
public sealed record GoalSet(CaseId Plan, Instant At, ProfessionalId By, int Number, string Description) : PlanEvent(Plan, At, By);
