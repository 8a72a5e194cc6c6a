using System.Collections.Generic;
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

    /// <summary>Gets a value indicating whether the match concerns different youths (a family match); which youths is not said.</summary>
    public bool ConcernsDifferentYouths => Kind == MatchKind.Family;

    /// <summary>Gets the other parties: their identity and contact details, nothing else.</summary>
    public IReadOnlyList<MatchParty> OtherParties { get; }

    /// <summary>Gets the organisation that coordinates the match (<em>matchregisseur</em>).</summary>
    public OrganisationId MatchCoordinator { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Role} notification to {RecipientOrganisation}: {Kind} match with {OtherParties.Count} other party(ies)";
}
