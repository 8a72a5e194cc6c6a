using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// A match notification (<em>matchbericht</em>): tells one recipient who else is involved. By law it carries only the
/// other parties' identity and contact details, and for a family match only the fact that it concerns different
/// youths — never a BSN, a name of a youth, or anything about the concern.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MatchNotification
{
    internal MatchNotification(SignalId signal, OrganisationId recipientOrganisation, ProfessionalId? recipientProfessional, ContactDetails recipientContact, NotificationRecipientRole role, MatchKind kind, IReadOnlyList<MatchParty> otherParties, OrganisationId matchCoordinator)
    {
        Signal = signal;
        RecipientOrganisation = recipientOrganisation;
        RecipientProfessional = recipientProfessional;
        RecipientContact = recipientContact;
        Role = role;
        Kind = kind;
        OtherParties = otherParties;
        MatchCoordinator = matchCoordinator;
    }

    /// <summary>Gets the recipient's own signal the notification is about, so the recipient can find the youth in its own records; for the match coordinator, the signal whose registration found the match.</summary>
    public SignalId Signal { get; }

    /// <summary>Gets the organisation that receives the notification.</summary>
    public OrganisationId RecipientOrganisation { get; }

    /// <summary>Gets the professional who receives it, when it goes to a person; <see langword="null"/> when it goes to the organisation.</summary>
    public ProfessionalId? RecipientProfessional { get; }

    /// <summary>Gets where to deliver it.</summary>
    public ContactDetails RecipientContact { get; }

    /// <summary>Gets why the recipient receives it.</summary>
    public NotificationRecipientRole Role { get; }

    /// <summary>Gets what kind of match it is.</summary>
    public MatchKind Kind { get; }

    /// <summary>Gets a value indicating whether the match concerns different youths (a family or an address match); which youths is not said.</summary>
    public bool ConcernsDifferentYouths => Kind is MatchKind.Family or MatchKind.Address;

    /// <summary>Gets the other parties: their identity and contact details, nothing else.</summary>
    public IReadOnlyList<MatchParty> OtherParties { get; }

    /// <summary>Gets the organisation that coordinates the match (<em>matchregisseur</em>).</summary>
    public OrganisationId MatchCoordinator { get; }

    /// <summary>
    /// Gets the notification as the recipient reads it, in the current <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>
    /// (English, or Dutch for nl): the recipient's own signal, the other parties with their contact details, and what the
    /// recipient is asked to do. Like the notification, it names no youth and no BSN.
    /// </summary>
    public string Message
    {
        get
        {
            var parties = string.Join(
                MatchingMessages.PartySeparator,
                OtherParties.Select(p => Messages.Format(MatchingMessages.Party, p.OrganisationName, p.ProfessionalName, p.Contact.Phone, p.Contact.Email)));
            var verb = OtherParties.Count == 1 ? MatchingMessages.IsOne : MatchingMessages.AreMany;
            var text = Role switch
            {
                NotificationRecipientRole.MatchCoordinator => Messages.Format(MatchingMessages.NotificationToMatchCoordinator, parties, verb),
                NotificationRecipientRole.OrganisationCoordinator => Messages.Format(MatchingMessages.NotificationToOrganisationCoordinator, Signal, parties, verb),
                _ => Messages.Format(MatchingMessages.NotificationToReporter, Signal, parties, verb),
            };
            return Kind switch
            {
                MatchKind.Family => text + " " + MatchingMessages.ConcernsDifferentYouths,
                MatchKind.Address => text + " " + MatchingMessages.ConcernsDifferentYouthsAtOneAddress,
                MatchKind.Archived => text + " " + MatchingMessages.ConcernsArchivedSignal,
                _ => text,
            };
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Role} notification to {RecipientOrganisation}: {Kind} match with {OtherParties.Count} other party(ies)";
}
