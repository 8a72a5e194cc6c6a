using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>An action was done.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Number">The action's number.</param>
public sealed record ActionCompleted(CaseId Plan, Instant At, ProfessionalId By, int Number) : PlanEvent(Plan, At, By);
