using System;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// Thrown when a value is not a valid citizen service number (<em>burgerservicenummer</em>). The message is
/// safe to show and to log: it never contains the full number, at most its masked form (<c>*****6789</c>).
/// </summary>
public sealed class InvalidBsnException : FormatException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public InvalidBsnException()
        : this(InvalidBsnReason.WrongLength, null)
    {
    }

    /// <summary>Initializes a new instance with a message of the caller's; the caller keeps it free of the full number.</summary>
    /// <param name="message">The message.</param>
    public InvalidBsnException(string message)
        : base(message)
    {
        Reason = InvalidBsnReason.WrongLength;
    }

    /// <summary>Initializes a new instance with a message of the caller's and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidBsnException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = InvalidBsnReason.WrongLength;
    }

    internal InvalidBsnException(InvalidBsnReason reason, int? lastFourDigits)
        : base(MessageFor(reason, lastFourDigits))
    {
        Reason = reason;
        MaskedValue = lastFourDigits is { } tail ? Bsn.Mask(tail) : null;
    }

    /// <summary>Gets why the value was refused.</summary>
    public InvalidBsnReason Reason { get; }

    /// <summary>Gets the refused value in masked form (<c>*****6789</c>), when it was at least nine digits; otherwise <see langword="null"/>.</summary>
    public string? MaskedValue { get; }

    private static string MessageFor(InvalidBsnReason reason, int? lastFourDigits) => reason switch
    {
        InvalidBsnReason.NotDigits => IdentityMessages.BsnNotDigits,
        InvalidBsnReason.FailsElevenTest => Internal.Messages.Format(IdentityMessages.BsnFailsElevenTest, Bsn.Mask(lastFourDigits ?? 0)),
        _ => IdentityMessages.BsnWrongLength,
    };
}
