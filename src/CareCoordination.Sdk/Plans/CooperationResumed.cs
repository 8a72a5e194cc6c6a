using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>A family member cooperates again.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Member">Who cooperates again.</param>
public sealed record CooperationResumed(CaseId Plan, Instant At, ProfessionalId By, FamilyMember Member) : PlanEvent(Plan, At, By);
