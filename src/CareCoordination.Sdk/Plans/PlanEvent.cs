using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>
/// A change to a family plan, with who made it and when; the plan is the fold of these events
/// (<see cref="FamilyPlan.Replay"/>), so its history says who changed what, when.
/// </summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
public abstract record PlanEvent(CaseId Plan, Instant At, ProfessionalId By);
