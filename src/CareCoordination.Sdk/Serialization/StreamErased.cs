using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The one event left of an erased stream: when and why, without the data.</summary>
internal sealed record StreamErased(Instant At, string Reason);
