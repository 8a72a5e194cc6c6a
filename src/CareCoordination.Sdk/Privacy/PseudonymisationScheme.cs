namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The keyed permutation a <see cref="YouthPseudonymiser"/> turns a BSN's number into its pseudonym (<em>pseudoniem</em>)
/// with. A store records the scheme with its key's fingerprint, and an index with another scheme refuses it: the same
/// key gives every youth another pseudonym under each scheme. To move a store from one to the other, copy it with
/// <see cref="Storage.Migration.YouthKeyMigration"/>.
/// </summary>
public enum PseudonymisationScheme
{
    /// <summary>
    /// The default of <see cref="YouthPseudonymiser(System.ReadOnlySpan{byte})"/>, which stores written before the
    /// choice existed use: a ten-round Feistel network over 30 bits whose round functions are 640 KB of tables derived with
    /// HMAC-SHA256 from the key, walked until it lands in 1 to 999,999,999 again. The fastest pseudonym while its tables
    /// are in the cache, but on a region's workload the tables compete with the index for it: on the replay of 5M
    /// youths it measured slower than <see cref="FeistelAes"/> (docs/benchmarks.md). Which table entries a pseudonym
    /// reads depends on the BSN, so a process sharing the processor's caches could learn something from their timing.
    /// </summary>
    FeistelTables = 1,

    /// <summary>
    /// NIST SP 800-38G FF1 format-preserving encryption of the BSN's nine digits with AES-128 (AES-NI where the
    /// processor has it), under a key derived with HMAC-SHA256 from the key: an approved standard, with no tables and no
    /// memory access that depends on a BSN. Each pseudonym and each pseudonym turned back is ten AES encryptions in a
    /// row, so it costs more time than <see cref="FeistelTables"/> (docs/benchmarks.md); choose it where the host shares
    /// its processors with code it does not trust, or a privacy officer asks for an approved algorithm.
    /// </summary>
    Ff1 = 2,

    /// <summary>
    /// The structure of <see cref="FeistelTables"/>, a ten-round Feistel network over 30 bits walked until it lands in 1
    /// to 999,999,999 again, with one AES-128 block under a key derived with HMAC-SHA256 as each round's function instead
    /// of a table: on the processor's AES instructions (AES-NI) a pseudonym is computed in registers, reads no memory that
    /// depends on the BSN. On a region's workload faster than <see cref="FeistelTables"/> where the processor has
    /// AES-NI, without their cache side channel (docs/privacy.md gives its security argument); without AES-NI (an ARM
    /// server) the platform's AES computes the same blocks much more slowly, so choose the tables there. What a host that
    /// names no scheme keys a new store with on such a processor (<see cref="YouthPseudonymiser.SchemeFor"/>).
    /// </summary>
    FeistelAes = 3,
}
