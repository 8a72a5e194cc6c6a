using CareCoordination.Sdk.Compliance;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// One substitute number a <see cref="Facility.SubstituteNumberRegister"/> issued, as a host keeps it to rebuild the register:
/// the fingerprint of the details it was derived from and the number.
/// </summary>
/// <param name="Fingerprint">SHA-256 of the normalised details, in hexadecimal; it holds no name, but identifies a youth to anyone who can guess the details.</param>
/// <param name="Number">The number.</param>
public readonly record struct IssuedSubstituteNumber(
    [property: PersonData(PersonDataClassification.QuasiIdentifier)] string Fingerprint,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] SubstituteNumber Number);
