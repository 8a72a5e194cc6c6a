using System;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// One access rule of the service, checked on the credential before an endpoint runs; a refusal names it. The rules on
/// person data itself (R1–R7) stay with <c>PersonDataAccess</c>, which the endpoints call.
/// </summary>
internal sealed class ServiceRule(string name, string description, Func<ClaimsPrincipal, bool> allows)
    : AuthorizationHandler<ServiceRule>, IAuthorizationRequirement
{
    public static readonly ServiceRule Registering = new(
        "S1 registering",
        "a designated reporter registers, renews and withdraws signals for the organisation and as the professional its credential names",
        user => HasRole(user, CareCoordinationClaims.Reporter) && Has(user, CareCoordinationClaims.Organisation) && Has(user, CareCoordinationClaims.Professional));

    public static readonly ServiceRule NotificationFeed = new(
        "S2 notification feed",
        "a professional reads only the notification feed of the organisation its credential names",
        user => HasRole(user, CareCoordinationClaims.Reporter, CareCoordinationClaims.MatchedProfessional, CareCoordinationClaims.Coordinator) && Has(user, CareCoordinationClaims.Organisation));

    public static readonly ServiceRule PersonData = new(
        "S3 person data",
        "a professional of an organisation reads person data, and then only as the rules R1 to R4 allow",
        user => HasRole(user, CareCoordinationClaims.Reporter, CareCoordinationClaims.MatchedProfessional, CareCoordinationClaims.Coordinator) && Has(user, CareCoordinationClaims.Organisation));

    public static readonly ServiceRule CaseWork = new(
        "S4 case work",
        "a professional of an organisation brings a concern in and works on a case for the organisation and as the professional its credential names, and on the case itself only as R3 allows",
        user => HasRole(user, CareCoordinationClaims.Reporter, CareCoordinationClaims.MatchedProfessional, CareCoordinationClaims.Coordinator) && Has(user, CareCoordinationClaims.Organisation) && Has(user, CareCoordinationClaims.Professional));

    public static readonly ServiceRule CoordinatorAssignment = new(
        "S5 coordinator assignment",
        "the coordination director assigns a coordinator from the pool to a case that waits for one; neither the request nor the answer holds person data",
        user => HasRole(user, CareCoordinationClaims.CoordinationDirector) && Has(user, CareCoordinationClaims.Organisation));

    public static readonly ServiceRule PopulationRegisterFeed = new(
        "S6 population register feed",
        "the municipality's BRP feed records and changes families as the population register (BRP) knows them, and reads nothing",
        user => HasRole(user, CareCoordinationClaims.PopulationRegisterFeed) && Has(user, CareCoordinationClaims.Organisation));

    public static readonly ServiceRule AuditTrail = new(
        "R6 audit trail",
        "an auditor of an organisation reads the audit trail, and nothing else",
        user => HasRole(user, CareCoordinationClaims.Auditor) && Has(user, CareCoordinationClaims.Organisation));

    public static readonly ServiceRule Aggregates = new(
        "R5 aggregates",
        "the coordination director of a municipality reads aggregates without BSN",
        user => HasRole(user, CareCoordinationClaims.CoordinationDirector) && Has(user, CareCoordinationClaims.Organisation));

    public static readonly ServiceRule SubjectAccess = new(
        "R7 subject access",
        "a youth or parent whose identity the client system verified asks for access to what is registered about the youth",
        user => HasRole(user, CareCoordinationClaims.DataSubject));

    public string Name { get; } = name;

    public string Description { get; } = description;

    public static bool HasRole(ClaimsPrincipal user, params string[] roles) =>
        user.FindAll(CareCoordinationClaims.Role).Any(c => roles.Contains(c.Value, StringComparer.Ordinal));

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ServiceRule requirement)
    {
        if (requirement.Allows(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool Allows(ClaimsPrincipal user) => allows(user);

    private static bool Has(ClaimsPrincipal user, string claim) => int.TryParse(user.FindFirst(claim)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0;
}
