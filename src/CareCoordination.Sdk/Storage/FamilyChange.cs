using CareCoordination.Sdk.Families;

namespace CareCoordination.Sdk.Storage;

/// <summary>One family written or removed within a <see cref="ChangeSet"/>.</summary>
/// <param name="Id">The family's identifier.</param>
/// <param name="Family">The family to write in place of the one with the same identifier, or <see langword="null"/> to remove it.</param>
public sealed record FamilyChange(FamilyId Id, StoredFamily? Family);
