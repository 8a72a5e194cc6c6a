using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>An action was agreed: who does what for which goal, by when.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Action">The action as agreed.</param>
public sealed record ActionAgreed(CaseId Plan, Instant At, ProfessionalId By, PlanAction Action) : PlanEvent(Plan, At, By);
