namespace CareCoordination.Sdk.Privacy;

/// <summary>On what basis an access happened (NEN 7513 "grondslag").</summary>
public enum AccessBasis
{
    /// <summary>The organisation's own registration: its own signals, and the contact details of parties matched with it.</summary>
    OwnRegistration = 1,

    /// <summary>The actor is assigned to the case: its coordinator or case holder.</summary>
    CaseAssignment,

    /// <summary>Consent of the right person for the youth's age, for this purpose and recipient.</summary>
    Consent,

    /// <summary>A legal basis without consent (a seriously threatening situation, a protection measure); flagged for review.</summary>
    LegalBasis,

    /// <summary>The duty to audit: auditors and privacy officers reading the trail.</summary>
    AuditDuty,

    /// <summary>The person's own right of access (<em>inzagerecht</em>).</summary>
    SubjectRight,

    /// <summary>Aggregates without person data.</summary>
    Aggregates,
}
