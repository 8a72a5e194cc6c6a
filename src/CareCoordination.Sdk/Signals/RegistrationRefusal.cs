namespace CareCoordination.Sdk.Signals;

/// <summary>Why the reference index refused a registration. A refused registration changes nothing in the index.</summary>
public enum RegistrationRefusal
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>The registration itself is invalid, for example <c>default</c>.</summary>
    InvalidRegistration,

    /// <summary>The organisation is not in the region's directory.</summary>
    UnknownOrganisation,

    /// <summary>The organisation's kind may not signal in this region (it may have to signal through another organisation).</summary>
    OrganisationNotAuthorised,

    /// <summary>The organisation has no written agreements with the municipality (<em>convenant</em>).</summary>
    NoMunicipalAgreement,

    /// <summary>The reporter is not in the directory, or works for another organisation.</summary>
    UnknownReporter,

    /// <summary>The organisation did not designate the reporter to signal.</summary>
    ReporterNotDesignated,

    /// <summary>The person has reached the age limit (23 by law) and is no longer a youth.</summary>
    OverAgeLimit,

    /// <summary>The date of birth lies after today.</summary>
    NotYetBorn,

    /// <summary>The idempotency key was already used, within the window, for a registration on another youth or by another organisation.</summary>
    IdempotencyKeyConflict,

    /// <summary>
    /// The idempotency key was answered before, within the window, and the signal it registered has since been removed
    /// (withdrawn as unjustified, erased on request or at a death, or past its archive period): the key does not
    /// register again. Its first answer named the youth, so the index no longer keeps it.
    /// </summary>
    IdempotencyKeySignalRemoved,
}
