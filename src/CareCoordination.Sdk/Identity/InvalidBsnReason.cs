namespace CareCoordination.Sdk.Identity;

/// <summary>Why a text or number is not a valid citizen service number (BSN).</summary>
public enum InvalidBsnReason
{
    /// <summary>The value is valid; never the reason of an <see cref="InvalidBsnException"/>.</summary>
    None = 0,

    /// <summary>The value is not eight or nine digits long (or is out of range as a number).</summary>
    WrongLength,

    /// <summary>The value contains characters other than the digits 0 to 9.</summary>
    NotDigits,

    /// <summary>The digits fail the eleven test (<em>elfproef</em>).</summary>
    FailsElevenTest,
}
