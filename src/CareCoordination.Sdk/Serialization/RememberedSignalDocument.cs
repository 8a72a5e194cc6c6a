using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Serialization;

/// <summary>A signal as an idempotent answer gave it, with the youth as the index keys it (the BSN, or its pseudonym).</summary>
internal sealed record RememberedSignalDocument(long Id, int Youth, int Organisation, int Reporter, long RegisteredTicks, int Day, SignalExpiry Expiry);
