using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>Something in a family plan that falls due: for a coordinator, an organisation, or — with no organisation — the municipality.</summary>
/// <param name="Plan">The plan (its case).</param>
/// <param name="Kind">What falls due.</param>
/// <param name="Action">The action's number, for an action.</param>
/// <param name="Organisation">The organisation that must act; <see langword="null"/> when the municipality must.</param>
/// <param name="Professional">The professional who must act, for an action.</param>
/// <param name="Due">The due date.</param>
/// <param name="IsOverdue">Whether it is past due.</param>
/// <param name="Description">What.</param>
public sealed record PlanDueItem(CaseId Plan, PlanDueKind Kind, int? Action, OrganisationId? Organisation, ProfessionalId? Professional, LocalDate Due, bool IsOverdue, string Description);
