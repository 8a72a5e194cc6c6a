namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// The keys of a retired audit key epoch, in Base64 (<c>CareCoordination:Keys:RetiredAuditKeys:&lt;epoch&gt;</c>): kept
/// after a privacy officer rotated the audit trail to a newer epoch, for the records sealed before it.
/// </summary>
public sealed class CareCoordinationRetiredAuditKeyOptions
{
    /// <summary>Gets or sets the retired chain key (<see cref="Privacy.AuditChainKey"/>); required while the trail keeps records of the epoch.</summary>
    public string? AuditChain { get; set; }

    /// <summary>Gets or sets the retired pseudonymiser key (<see cref="Privacy.Pseudonymiser"/>), with which subject access and the logbook find the epoch's records by BSN.</summary>
    /// <value>The default is <see langword="null"/>: the epoch's records still verify, but can no longer be linked to a person.</value>
    public string? Pseudonymiser { get; set; }
}
