using System;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Organisations;

/// <summary>
/// How to reach a professional or an organisation at work: the only content a match notification
/// (<em>matchbericht</em>) carries about the other parties.
/// </summary>
/// <remarks>Immutable and thread-safe; equal when all parts are equal (ordinal).</remarks>
public sealed class ContactDetails : IEquatable<ContactDetails>
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="phone">A work telephone number.</param>
    /// <param name="email">A work e-mail address; must contain '@'.</param>
    /// <exception cref="ArgumentException">A value is empty, or the e-mail address has no '@'.</exception>
    public ContactDetails(string phone, string email)
    {
        Phone = Guard.NotBlank(phone);
        Email = Guard.NotBlank(email);
        if (!Email.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("An e-mail address contains '@'.", nameof(email));
        }
    }

    /// <summary>Gets the work telephone number.</summary>
    public string Phone { get; }

    /// <summary>Gets the work e-mail address.</summary>
    public string Email { get; }

    /// <inheritdoc/>
    public bool Equals(ContactDetails? other) =>
        other is not null && string.Equals(Phone, other.Phone, StringComparison.Ordinal) && string.Equals(Email, other.Email, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ContactDetails);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Phone, Email);

    /// <inheritdoc/>
    public override string ToString() => Phone + ", " + Email;
}
