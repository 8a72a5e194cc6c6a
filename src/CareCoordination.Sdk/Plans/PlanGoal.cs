namespace CareCoordination.Sdk.Plans;

/// <summary>A goal of a family plan (<em>doel</em>), with the progress its last review recorded.</summary>
/// <param name="Number">The goal's number in the plan, from 1.</param>
/// <param name="Description">The goal, in the family's words where possible.</param>
/// <param name="Reached">Whether a review found it reached.</param>
/// <param name="Progress">The progress the last review recorded, if any.</param>
public sealed record PlanGoal(int Number, string Description, bool Reached, string? Progress);
