using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Notifications.Notices;

/// <summary>One active signal on a youth who moved, as a <see cref="MoveNotice"/> names it: the signal, its organisation and reporter, and until when it is active.</summary>
/// <param name="Signal">The signal.</param>
/// <param name="Party">Its organisation and reporter, with their contact details.</param>
/// <param name="ExpiresOn">The day the signal leaves the active index, unless renewed.</param>
public sealed record MovedSignal(SignalId Signal, MatchParty Party, LocalDate ExpiresOn);
