using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.FollowUp;

/// <summary>A reminder to a match coordinator: the central contact of a match was not recorded by the region's deadline.</summary>
/// <param name="MatchCoordinator">Whom to remind.</param>
/// <param name="Signal">The signal whose registration found the match.</param>
/// <param name="OtherSignal">The signal it found.</param>
/// <param name="DueOn">The day the contact should have been recorded by.</param>
/// <param name="Message">What to tell the match coordinator, in the host's language; names no youth.</param>
public sealed record FollowUpReminder(OrganisationId MatchCoordinator, SignalId Signal, SignalId OtherSignal, LocalDate DueOn, string Message);
