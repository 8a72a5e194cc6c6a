using CareCoordination.Sdk.Families;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: the index was told of a family (<em>gezin</em>) from the population register (BRP), or that a family no longer exists.</summary>
/// <param name="Id">The family's identifier.</param>
/// <param name="Family">The family as it is now, or <see langword="null"/> when it was removed.</param>
public readonly record struct FamilyChanged(FamilyId Id, Family? Family);
