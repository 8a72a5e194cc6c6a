using System;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Privacy;

/// <summary>Who acts: the user, the role they act in, their organisation, and the system they act from — as NEN 7513 logs them.</summary>
/// <remarks>Immutable and thread-safe. The user identifier is the vendor's account name or number, never a BSN.</remarks>
public sealed class Actor
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="userId">The user's account in the vendor's system.</param>
    /// <param name="role">The role the user acts in.</param>
    /// <param name="organisation">The user's organisation; <see langword="null"/> only for a data subject.</param>
    /// <param name="professional">The professional the account belongs to, if the user is one.</param>
    /// <param name="system">The system the user acts from, for example "Vendor X client 4.2 at GGD Hollands Midden".</param>
    /// <exception cref="ArgumentException">A value is missing, or a professional role lacks an organisation.</exception>
    public Actor(string userId, ActorRole role, OrganisationId? organisation, ProfessionalId? professional, string system)
    {
        UserId = Guard.NotBlank(userId);
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException("The role is not defined.", nameof(role));
        }

        if (role != ActorRole.DataSubject && organisation is null)
        {
            throw new ArgumentException($"A {role} acts for an organisation.", nameof(organisation));
        }

        Role = role;
        Organisation = organisation;
        Professional = professional;
        System = Guard.NotBlank(system);
    }

    /// <summary>Gets the user's account.</summary>
    public string UserId { get; }

    /// <summary>Gets the role.</summary>
    public ActorRole Role { get; }

    /// <summary>Gets the organisation, if any.</summary>
    public OrganisationId? Organisation { get; }

    /// <summary>Gets the professional, if any.</summary>
    public ProfessionalId? Professional { get; }

    /// <summary>Gets the system the user acts from.</summary>
    public string System { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{UserId} ({Role}{(Organisation is { } o ? ", " + o : string.Empty)}) via {System}";
}
