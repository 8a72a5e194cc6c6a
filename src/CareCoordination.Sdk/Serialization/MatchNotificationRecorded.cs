using System.Collections.Generic;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored form of one entry of an organisation's notification feed: the notification exactly as the law allows it (parties and contact details, no youth).</summary>
/// <param name="Signal">The recipient's own signal, or for the match coordinator the signal whose registration found the match.</param>
/// <param name="RecipientProfessional">The professional who receives it, or <see langword="null"/> when it goes to the organisation.</param>
/// <param name="RecipientContact">Where to deliver it.</param>
/// <param name="Role">Why the recipient receives it.</param>
/// <param name="Kind">The kind of match.</param>
/// <param name="OtherParties">The other parties.</param>
/// <param name="MatchCoordinator">The organisation that coordinates the match.</param>
/// <param name="RecordedAt">When the registration that found the match recorded it.</param>
internal sealed record MatchNotificationRecorded(
    SignalId Signal,
    ProfessionalId? RecipientProfessional,
    ContactDetails RecipientContact,
    NotificationRecipientRole Role,
    MatchKind Kind,
    IReadOnlyList<MatchParty> OtherParties,
    OrganisationId MatchCoordinator,
    Instant RecordedAt)
{
    public static MatchNotificationRecorded Of(MatchNotification n, Instant at) =>
        new(n.Signal, n.RecipientProfessional, n.RecipientContact, n.Role, n.Kind, n.OtherParties, n.MatchCoordinator, at);

    public MatchNotification ToNotification(OrganisationId recipient) =>
        new(Signal, recipient, RecipientProfessional, RecipientContact, Role, Kind, OtherParties, MatchCoordinator);
}
