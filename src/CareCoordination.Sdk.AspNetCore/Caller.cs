using System;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using Microsoft.AspNetCore.Http;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>Who calls, taken from the credential alone: the organisation and the professional never come from a body.</summary>
internal static class Caller
{
    public static OrganisationId Organisation(HttpContext context) => new(Number(context.User, CareCoordinationClaims.Organisation));

    public static ProfessionalId Professional(HttpContext context) => new(Number(context.User, CareCoordinationClaims.Professional));

    /// <summary>
    /// The actor for <see cref="PersonDataAccess"/>. Its system is the access point NEN 7513 asks for — the client
    /// system's identifier and the caller's address — because <see cref="AuditRecord"/> has no field of its own for it.
    /// </summary>
    public static Actor Actor(HttpContext context)
    {
        var user = context.User;
        var role = RoleOf(user);
        var organisation = user.FindFirst(CareCoordinationClaims.Organisation) is null ? (OrganisationId?)null : Organisation(context);
        var professional = user.FindFirst(CareCoordinationClaims.Professional) is null ? (ProfessionalId?)null : Professional(context);
        var client = user.FindFirst(CareCoordinationClaims.ClientId)?.Value ?? user.FindFirst("azp")?.Value ?? "unknown-client";
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown-address";
        var subject = user.FindFirst(CareCoordinationClaims.Subject)?.Value ?? "unknown-user";
        return new Actor(subject, role, organisation, professional, string.Create(CultureInfo.InvariantCulture, $"{client}@{address}"));
    }

    /// <summary>
    /// The verified requester of a subject access request: who asks (the youth or the parents, from the request) and how
    /// the identity provider verified them (from the token), with the token's subject and client as the reference.
    /// </summary>
    public static VerifiedRequester Requester(HttpContext context, ConsentGiver requestedBy)
    {
        var user = context.User;
        // Without the claim the token comes from a DigiD login (the documented deployment); a value the service does not
        // know is refused rather than recorded as DigiD, since the audit trail would then state a check that never happened.
        var method = user.FindFirst(CareCoordinationClaims.IdentityVerification)?.Value is not { } claim
            ? IdentityVerification.DigiD
            : Enum.GetNames<IdentityVerification>().Contains(claim, StringComparer.Ordinal)
                ? Enum.Parse<IdentityVerification>(claim)
                : throw new ArgumentException($"The token's {CareCoordinationClaims.IdentityVerification} claim is none of {string.Join(", ", Enum.GetNames<IdentityVerification>())}.");
        var subject = user.FindFirst(CareCoordinationClaims.Subject)?.Value ?? "unknown-user";
        var client = user.FindFirst(CareCoordinationClaims.ClientId)?.Value ?? "unknown-client";
        return new VerifiedRequester(requestedBy, method, string.Create(CultureInfo.InvariantCulture, $"token of {subject} from {client}"));
    }

    private static ActorRole RoleOf(ClaimsPrincipal user)
    {
        foreach (var (claim, role) in new[]
        {
            (CareCoordinationClaims.Auditor, ActorRole.Auditor),
            (CareCoordinationClaims.CoordinationDirector, ActorRole.CoordinationDirector),
            (CareCoordinationClaims.Coordinator, ActorRole.Coordinator),
            (CareCoordinationClaims.MatchedProfessional, ActorRole.MatchedProfessional),
            (CareCoordinationClaims.DataSubject, ActorRole.DataSubject),
            (CareCoordinationClaims.Reporter, ActorRole.Reporter),
            (CareCoordinationClaims.PopulationRegisterFeed, ActorRole.PopulationRegisterFeed),
        })
        {
            if (ServiceRule.HasRole(user, claim))
            {
                return role;
            }
        }

        throw new InvalidOperationException("The credential names no role the service knows; the endpoint's access rule should have refused it.");
    }

    private static int Number(ClaimsPrincipal user, string claim) =>
        int.Parse(user.FindFirst(claim)?.Value ?? throw new InvalidOperationException($"The credential has no '{claim}' claim."), NumberStyles.None, CultureInfo.InvariantCulture);
}
