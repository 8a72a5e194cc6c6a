using System.Collections.Generic;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// The host's secret keys, in Base64, at least 32 bytes each (the section <c>CareCoordination:Keys</c>). Give them
/// through a key vault's configuration provider or the environment, never in a configuration file; the SDK never
/// writes them to a log or a message.
/// </summary>
public sealed class CareCoordinationKeyOptions
{
    /// <summary>Gets or sets the key with which the audit trail names persons by pseudonym (<see cref="Privacy.Pseudonymiser"/>); keep it the same across restarts.</summary>
    /// <value>The default is <see langword="null"/>: the host registers a <see cref="Privacy.Pseudonymiser"/> itself.</value>
    public string? Pseudonymiser { get; set; }

    /// <summary>Gets or sets the key with which a pseudonymised index keys youths (<see cref="Privacy.YouthPseudonymiser"/>); the store must have been written with it.</summary>
    /// <value>The default is <see langword="null"/>: the index keys youths by BSN, unless the host registers a <see cref="Privacy.YouthPseudonymiser"/> itself.</value>
    public string? YouthPseudonymiser { get; set; }

    /// <summary>
    /// Gets or sets the permutation <see cref="YouthPseudonymiser"/> keys youths with; the store must have been written with
    /// it. To change it, move the store with <see cref="Sdk.Storage.Migration.YouthKeyMigration"/>.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: the scheme the store recorded, and for a new store
    /// <see cref="PseudonymisationScheme.FeistelAes"/> where the processor has AES instructions, else
    /// <see cref="PseudonymisationScheme.FeistelTables"/> (<see cref="YouthPseudonymiser.SchemeFor"/>). A standby names
    /// it: it cannot read its primary's store before it takes over.
    /// </value>
    public PseudonymisationScheme? YouthPseudonymisationScheme { get; set; }

    /// <summary>Gets or sets the key with which the audit trail chains its records (<see cref="Privacy.AuditChainKey"/>): a key of its own, which the store never holds; keep it the same across restarts.</summary>
    /// <value>The default is <see langword="null"/>: the host registers an <see cref="Privacy.AuditChainKey"/> itself.</value>
    public string? AuditChain { get; set; }

    /// <summary>
    /// Gets or sets the key epoch of <see cref="Pseudonymiser"/> and <see cref="AuditChain"/> (<see cref="Privacy.AuditKeyRing"/>):
    /// raise it by one when new audit keys are given, move the old ones to <see cref="RetiredAuditKeys"/> under the old
    /// number, and let a privacy officer rotate the trail (<see cref="Privacy.Access.AuditTrail.RotateKeys"/>).
    /// </summary>
    /// <value>The default is 1: the keys the trail started with.</value>
    public int AuditKeyEpoch { get; set; } = 1;

    /// <summary>Gets the retired audit keys by key epoch, each older than <see cref="AuditKeyEpoch"/>, for the records sealed under them.</summary>
    public Dictionary<int, CareCoordinationRetiredAuditKeyOptions> RetiredAuditKeys { get; } = [];
}
