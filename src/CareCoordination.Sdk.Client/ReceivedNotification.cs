using System.Collections.Generic;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Client;

/// <summary>A match notification (<em>matchbericht</em>) from the organisation's feed. The feed delivers at least once: deduplicate by <paramref name="Id"/>.</summary>
/// <param name="Id">The stable identifier; never given to another notification.</param>
/// <param name="Position">The position in the organisation's feed; the cursor after it.</param>
/// <param name="RecordedAt">When the match was found.</param>
/// <param name="Signal">The recipient's own signal, or for the match coordinator the signal whose registration found the match.</param>
/// <param name="Role">Why the organisation receives it.</param>
/// <param name="Kind">The kind of match.</param>
/// <param name="OtherParties">The other parties: identity and work contact details only.</param>
/// <param name="MatchCoordinator">The organisation that coordinates the match.</param>
/// <param name="Message">The notification as a professional reads it, in the service's language.</param>
public sealed record ReceivedNotification(string Id, long Position, Instant RecordedAt, SignalId Signal, NotificationRecipientRole Role, MatchKind Kind, IReadOnlyList<MatchParty> OtherParties, OrganisationId MatchCoordinator, string Message);
