using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored event that a consent was withdrawn.</summary>
internal sealed record ConsentWithdrawn(Instant At);
