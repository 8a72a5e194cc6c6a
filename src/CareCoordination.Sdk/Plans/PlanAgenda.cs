using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>What falls due or is overdue in the municipality's family plans, for each coordinator, each organisation, and the municipality itself.</summary>
/// <param name="Today">The day that decides what is overdue.</param>
/// <param name="Until">The last day included.</param>
/// <param name="PerCoordinator">Every item of the plans each coordinator coordinates.</param>
/// <param name="PerOrganisation">The items each organisation must act on.</param>
/// <param name="Municipality">The items the municipality must act on: plans escalated to it.</param>
public sealed record PlanAgenda(
    LocalDate Today,
    LocalDate Until,
    IReadOnlyDictionary<CoordinatorId, IReadOnlyList<PlanDueItem>> PerCoordinator,
    IReadOnlyDictionary<OrganisationId, IReadOnlyList<PlanDueItem>> PerOrganisation,
    IReadOnlyList<PlanDueItem> Municipality);
