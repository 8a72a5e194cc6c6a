using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The plan moved on the escalation ladder (<em>opgeschaald</em> or <em>afgeschaald</em>).</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="From">The rung before.</param>
/// <param name="To">The rung after.</param>
/// <param name="Trigger">What moved it.</param>
/// <param name="Deadline">By when the new rung must resolve the stagnation; <see langword="null"/> after de-escalation.</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record EscalationStepped(CaseId Plan, Instant At, ProfessionalId By, EscalationLevel From, EscalationLevel To, EscalationTrigger Trigger, LocalDate? Deadline, string Reason) : PlanEvent(Plan, At, By);
