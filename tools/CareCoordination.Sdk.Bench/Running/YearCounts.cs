namespace CareCoordination.Sdk.Bench.Running;

/// <summary>What one simulated year registered and matched, to compare with the published yearly figures.</summary>
internal sealed record YearCounts(int Year, long Registrations, long ClientMatches, long FamilyMatches, long ArchivedMatches);
