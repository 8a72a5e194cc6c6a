namespace CareCoordination.Sdk.Privacy;

/// <summary>What an audited access did (NEN 7513 "actie").</summary>
public enum AuditAction
{
    /// <summary>Read data.</summary>
    Read = 1,

    /// <summary>Created data.</summary>
    Create,

    /// <summary>Changed data.</summary>
    Update,

    /// <summary>Removed data.</summary>
    Delete,

    /// <summary>Exported data, for example a subject access document.</summary>
    Export,

    /// <summary>Tried an access that the rules refused.</summary>
    Refused,
}
