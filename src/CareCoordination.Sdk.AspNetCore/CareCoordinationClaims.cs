namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// The claims the service reads from a caller's OAuth2 access token (a JWT): who calls, for which organisation and
/// professional, in which role, and through which client system. The organisation and the professional come only from
/// here, never from a request body.
/// </summary>
public static class CareCoordinationClaims
{
    /// <summary>The user's identifier (the standard <c>sub</c> claim).</summary>
    public const string Subject = "sub";

    /// <summary>The client system's identifier (the OAuth2 <c>client_id</c> claim), recorded in the audit trail as part of the access point.</summary>
    public const string ClientId = "client_id";

    /// <summary>The organisation's number (<c>OrganisationId</c>) the user acts for.</summary>
    public const string Organisation = "org";

    /// <summary>The professional's number (<c>ProfessionalId</c>) of the user.</summary>
    public const string Professional = "professional";

    /// <summary>The role the user acts in; one of the role values of this class.</summary>
    public const string Role = "role";

    /// <summary>The role of a professional of a reporting organisation (<em>melder</em>).</summary>
    public const string Reporter = "reporter";

    /// <summary>The role of a professional of a matched organisation or of the match coordinator (<em>matchregisseur</em>).</summary>
    public const string MatchedProfessional = "matched-professional";

    /// <summary>The role of a care coordinator or case holder (<em>zorgcoördinator</em>).</summary>
    public const string Coordinator = "coordinator";

    /// <summary>The role of the municipality's coordination director (<em>zorgregisseur</em>).</summary>
    public const string CoordinationDirector = "coordination-director";

    /// <summary>The role of an auditor or privacy officer.</summary>
    public const string Auditor = "auditor";

    /// <summary>The role of a youth or parent whose identity the vendor verified, asking for access (<em>inzage</em>).</summary>
    public const string DataSubject = "data-subject";

    /// <summary>
    /// The role of the municipality's feed from the population register (<em>BRP-koppeling</em>): a system account that
    /// records and changes families (youths and their parents or carers, one household each) and reads nothing.
    /// </summary>
    public const string PopulationRegisterFeed = "brp-feed";

    /// <summary>
    /// How the identity provider verified a data subject before issuing the token: <c>DigiD</c>, <c>DigiDAuthorisation</c> or
    /// <c>IdentityDocumentInPerson</c> (see <see cref="Privacy.IdentityVerification"/>). A data-subject token without it was
    /// issued after a DigiD login, as the documented deployment does.
    /// </summary>
    public const string IdentityVerification = "identity_verification";
}
