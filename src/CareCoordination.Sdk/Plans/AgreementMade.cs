using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The organisations made an agreement about their cooperation (<em>samenwerkingsafspraak</em>).</summary>
/// <param name="Plan">The plan (the case it belongs to).</param>
/// <param name="At">When.</param>
/// <param name="By">The professional who made the change.</param>
/// <param name="Text">What was agreed.</param>
/// <param name="Parties">The organisations that agreed.</param>
public sealed record AgreementMade(CaseId Plan, Instant At, ProfessionalId By, string Text, IReadOnlyList<OrganisationId> Parties) : PlanEvent(Plan, At, By);
