using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>A family member refuses further cooperation (<em>weigert medewerking</em>).</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Member">Who refuses.</param>
/// <param name="Note">What the professional noted, without content about the family beyond what the plan needs.</param>
public sealed record CooperationRefused(CaseId Plan, Instant At, ProfessionalId By, FamilyMember Member, string Note) : PlanEvent(Plan, At, By);
