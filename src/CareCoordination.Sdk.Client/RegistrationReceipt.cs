using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Client;

/// <summary>The service's acknowledgement of a registration: the signal is stored, and so are the notifications of any match it found.</summary>
/// <param name="Outcome">Registered, or renewed when the organisation already had an active signal on the youth.</param>
/// <param name="Signal">The signal's identifier.</param>
/// <param name="Organisation">The reporting organisation (from the token).</param>
/// <param name="RegisteredAt">When the signal was registered or renewed.</param>
/// <param name="ExpiresOn">When it leaves the active index unless renewed.</param>
/// <param name="MatchCount">How many matches the registration found; their notifications arrive in the feed.</param>
public sealed record RegistrationReceipt(RegistrationOutcome Outcome, SignalId Signal, OrganisationId Organisation, Instant RegisteredAt, LocalDate ExpiresOn, int MatchCount);
