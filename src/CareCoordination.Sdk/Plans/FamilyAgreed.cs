using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The parents or the youth agreed to the plan (<em>instemming</em>).</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Member">Who agreed.</param>
public sealed record FamilyAgreed(CaseId Plan, Instant At, ProfessionalId By, FamilyMember Member) : PlanEvent(Plan, At, By);
