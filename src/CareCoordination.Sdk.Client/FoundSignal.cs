using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Client;

/// <summary>An active signal (<em>signaal</em>) on a youth that the caller may see: its own organisation's (R1), without the youth's BSN.</summary>
/// <param name="Id">The signal's identifier.</param>
/// <param name="Organisation">The reporting organisation.</param>
/// <param name="RegisteredAt">When the signal was registered or last renewed.</param>
/// <param name="ExpiresOn">When it leaves the active index unless renewed.</param>
public sealed record FoundSignal(SignalId Id, OrganisationId Organisation, Instant RegisteredAt, LocalDate ExpiresOn);
