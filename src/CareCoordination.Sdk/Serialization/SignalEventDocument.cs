using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// The JSON form of a signal's lifecycle event. It names the signal, not the youth: the BSN lives only in the signal's
/// own row, so erasing that row erases the youth from the store.
/// </summary>
internal sealed record SignalEventDocument(
    long Signal,
    int Organisation,
    int Reporter,
    Instant RegisteredAt,
    LocalDate ExpiresOn,
    SignalExpiry Expiry,
    string? Reason,
    Instant At);
