namespace CareCoordination.Sdk.Privacy;

/// <summary>How the host verified who makes a subject access request (<em>inzageverzoek</em>), as the audit trail records it.</summary>
public enum IdentityVerification
{
    /// <summary>The requester logged in with DigiD as themselves.</summary>
    DigiD = 1,

    /// <summary>The requester logged in with DigiD Machtigen, authorised by the person concerned.</summary>
    DigiDAuthorisation,

    /// <summary>The requester showed an identity document in person, and parental authority was checked in the register (<em>gezagsregister</em>).</summary>
    IdentityDocumentInPerson,
}
