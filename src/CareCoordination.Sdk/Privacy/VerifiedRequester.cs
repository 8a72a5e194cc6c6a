using System;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Who asks for a subject access document, as the host verified it: the role (the youth, or the parents with parental
/// authority) and how identity and authority were checked. The SDK cannot check identity itself; it refuses a role
/// that may not ask for a youth of this age and records the verification in the audit trail, so that a privacy
/// officer can see on what the document was handed out.
/// </summary>
/// <remarks>Immutable and thread-safe. The reference is the host's own (a DigiD session or a desk registration number), never a BSN.</remarks>
public sealed class VerifiedRequester
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="role">Who asks: <see cref="ConsentGiver.Youth"/>, <see cref="ConsentGiver.Parents"/>, or both.</param>
    /// <param name="method">How the host verified identity and authority.</param>
    /// <param name="reference">The host's reference of the verification, for example a DigiD session or a desk case number.</param>
    /// <exception cref="ArgumentException">The role is none or undefined, the method undefined, or the reference blank.</exception>
    public VerifiedRequester(ConsentGiver role, IdentityVerification method, string reference)
    {
        if (role == ConsentGiver.None || (role & ~(ConsentGiver.Youth | ConsentGiver.Parents)) != 0)
        {
            throw new ArgumentException("The verified role is the youth, the parents, or both.", nameof(role));
        }

        if (!Enum.IsDefined(method))
        {
            throw new ArgumentException("The verification method is not defined.", nameof(method));
        }

        Role = role;
        Method = method;
        Reference = Guard.NotBlank(reference);
    }

    /// <summary>Gets who asks.</summary>
    public ConsentGiver Role { get; }

    /// <summary>Gets how the host verified it.</summary>
    public IdentityVerification Method { get; }

    /// <summary>Gets the host's reference of the verification.</summary>
    public string Reference { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Role} verified by {Method} ({Reference})";
}
