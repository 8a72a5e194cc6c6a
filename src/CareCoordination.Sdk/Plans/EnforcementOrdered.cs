using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The municipality used its enforcement power (<em>doorzettingsmacht</em>) and obliged a provider to act.</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Order">The order.</param>
public sealed record EnforcementOrdered(CaseId Plan, Instant At, ProfessionalId By, EnforcementOrder Order) : PlanEvent(Plan, At, By);
