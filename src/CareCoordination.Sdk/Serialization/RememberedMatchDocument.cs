using CareCoordination.Sdk.Matching;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>A match as an idempotent answer gave it, seen from the registered signal's side.</summary>
internal sealed record RememberedMatchDocument(MatchKind Kind, RememberedSignalDocument Other, int MatchCoordinator, int? Family, Instant FoundAt);
