using CareCoordination.Sdk.Index;
namespace CareCoordination.Sdk.Signals;

/// <summary>What one run of <see cref="ReferenceIndex.ExpireDue"/> did.</summary>
/// <param name="Archived">Active signals whose active period ended and that moved to the archive.</param>
/// <param name="RemovedAtAgeLimit">Active signals removed because the youth reached the age limit.</param>
/// <param name="DeletedFromArchive">Archived signals deleted because the archive period ended or the youth reached the age limit, whichever came first.</param>
public readonly record struct ExpiryReport(int Archived, int RemovedAtAgeLimit, int DeletedFromArchive);
