using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>An agreed action of a family plan: who does what for which goal, by when (<em>wie doet wat wanneer</em>).</summary>
/// <param name="Number">The action's number in the plan, from 1.</param>
/// <param name="Goal">The goal it serves.</param>
/// <param name="Kind">Help, or feedback to the other professionals.</param>
/// <param name="Description">What is to be done.</param>
/// <param name="Owner">The owning organisation.</param>
/// <param name="Professional">The professional who does it.</param>
/// <param name="Due">The due date.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="WaitingListReason">Why a waiting list blocks it, while it does.</param>
public sealed record PlanAction(int Number, int Goal, ActionKind Kind, string Description, OrganisationId Owner, ProfessionalId Professional, LocalDate Due, ActionStatus Status, string? WaitingListReason);
