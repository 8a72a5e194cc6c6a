using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>A waiting list blocks an action (<em>wachtlijst</em>).</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Number">The action's number.</param>
/// <param name="Reason">The waiting list, for example "GGZ intake: 12 weeks".</param>
public sealed record ActionOnWaitingList(CaseId Plan, Instant At, ProfessionalId By, int Number, string Reason) : PlanEvent(Plan, At, By);
