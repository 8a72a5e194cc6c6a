namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored event that a coordinator left the desk's pool, and why.</summary>
internal sealed record CoordinatorLeftPool(string Reason);
