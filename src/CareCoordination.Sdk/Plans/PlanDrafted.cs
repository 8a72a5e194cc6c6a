using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The coordinator drafted the family plan (<em>gezinsplan opgesteld</em>).</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="CoordinatorOrganisation">The organisation of the coordinator or case holder who drafts it.</param>
/// <param name="TimeZone">The time zone that turns instants into the plan's dates.</param>
public sealed record PlanDrafted(CaseId Plan, Instant At, ProfessionalId By, OrganisationId CoordinatorOrganisation, DateTimeZone TimeZone) : PlanEvent(Plan, At, By);
