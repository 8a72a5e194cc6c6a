namespace CareCoordination.Sdk.Compliance;

/// <summary>How sensitive a piece of person data (<em>persoonsgegeven</em>) is; decides how logs and messages redact it.</summary>
public enum PersonDataClassification
{
    /// <summary>Not about a person, or only about a professional in that role (their work contact details).</summary>
    None = 0,

    /// <summary>Identifies a person on its own, such as the BSN: never logged, always masked.</summary>
    DirectIdentifier,

    /// <summary>Identifies a person in combination with other data, such as a name or a date of birth: never logged.</summary>
    QuasiIdentifier,

    /// <summary>Special category data about care or concerns (<em>bijzondere persoonsgegevens</em>): never leaves the reporter's records.</summary>
    Sensitive,
}
