using CareCoordination.Sdk.Privacy.Access;
namespace CareCoordination.Sdk.Privacy;

/// <summary>Which data about a person an access concerns.</summary>
public enum DataCategory
{
    /// <summary>Signals in the reference index (who, about whom, when).</summary>
    Signals = 1,

    /// <summary>The identity and contact details of matched parties.</summary>
    MatchContacts,

    /// <summary>A coordination case.</summary>
    Case,

    /// <summary>A family plan.</summary>
    Plan,

    /// <summary>Consents and legal bases.</summary>
    Consent,

    /// <summary>Aggregates without BSN.</summary>
    Aggregates,

    /// <summary>The audit trail.</summary>
    AuditTrail,

    /// <summary>Everything registered about the person, for their right of access.</summary>
    SubjectAccess,

    /// <summary>The information obligation: whether the youth or parents were told about a signal.</summary>
    InformationObligation,

    /// <summary>The youth's or parents' requests about a signal: objection, correction, erasure (domain rule 10).</summary>
    SubjectRequest,
}
