using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The waiting list no longer blocks an action; it has a new due date.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Number">The action's number.</param>
/// <param name="NewDue">The new due date.</param>
public sealed record ActionUnblocked(CaseId Plan, Instant At, ProfessionalId By, int Number, LocalDate NewDue) : PlanEvent(Plan, At, By);
