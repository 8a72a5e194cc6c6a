namespace CareCoordination.Sdk;

/// <summary>
/// Registered by the hosting package for a standby instance, whose store opens only when it takes over from the active
/// instance: the checks at start then leave the store alone (resolving it would wait for the takeover), and the areas
/// check its keying as they rebuild from it after the takeover.
/// </summary>
internal sealed class StoreOpensAfterStart;
