using CareCoordination.Sdk.Identity;
namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// The stored form of one substitute number issued: the fingerprint of the details (a keyed hash of it in a
/// pseudonymised store) and the number, written as the store keys persons, so a pseudonymised store holds neither.
/// A pseudonymised store also keeps the fingerprint sealed under the key, so that a key rotation can key it again and
/// the same details keep their number; numbers issued before it was kept have none.
/// </summary>
internal sealed record SubstituteNumberIssued(string Fingerprint, Bsn Number, string? SealedFingerprint = null);
