using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>Circumstances changed or a new crisis arose (<em>nieuwe crisis</em>); the plan stalls until a review adjusts it.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Description">What changed.</param>
/// <param name="SevereThreat">Whether the change severely threatens the child, which calls the municipality in at once.</param>
public sealed record CircumstancesChanged(CaseId Plan, Instant At, ProfessionalId By, string Description, bool SevereThreat) : PlanEvent(Plan, At, By);
