using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Testing;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>Who calls in a test: a role of the matrix, with the claims its token carries (none for anonymous).</summary>
public sealed record Role(string Name, IReadOnlyList<(string Type, string Value)>? Claims)
{
    public static readonly Role ReporterOfTheOrganisation = Professional("reporter of the organisation", CareCoordinationClaims.Reporter, TestRegion.School);
    public static readonly Role ReporterOfAnotherOrganisation = Professional("reporter of another organisation", CareCoordinationClaims.Reporter, TestRegion.SocialWork);
    public static readonly Role MatchCoordinator = Professional("match coordinator", CareCoordinationClaims.MatchedProfessional, TestRegion.YouthHealthCare);
    public static readonly Role CareCoordinator = Professional("care coordinator", CareCoordinationClaims.Coordinator, TestRegion.YouthAndFamilyCentre);
    public static readonly Role Director = Professional("director", CareCoordinationClaims.CoordinationDirector, TestRegion.YouthAndFamilyCentre);
    public static readonly Role Auditor = Professional("auditor", CareCoordinationClaims.Auditor, TestRegion.YouthAndFamilyCentre);
    public static readonly Role Anonymous = new("anonymous", null);
    public static readonly Role PopulationRegisterFeed = new("population register feed", [(CareCoordinationClaims.Subject, "brp-feed-of-the-municipality"), (CareCoordinationClaims.Role, CareCoordinationClaims.PopulationRegisterFeed), (CareCoordinationClaims.Organisation, TestRegion.YouthAndFamilyCentre.Value.ToString(CultureInfo.InvariantCulture)), (CareCoordinationClaims.ClientId, "brp-koppeling")]);

    /// <summary>The school's reporter acting as the case holder it became: the same professional, in the coordinator's role.</summary>
    public static readonly Role CoordinatorOfTheSchool = Professional("coordinator of the school", CareCoordinationClaims.Coordinator, TestRegion.School);
    public static readonly Role DataSubject = new("data subject", [(CareCoordinationClaims.Subject, "parent-1"), (CareCoordinationClaims.Role, CareCoordinationClaims.DataSubject), (CareCoordinationClaims.ClientId, "family-portal")]);

    public static IReadOnlyList<Role> Matrix { get; } = [ReporterOfTheOrganisation, ReporterOfAnotherOrganisation, MatchCoordinator, CareCoordinator, Director, Auditor, Anonymous, PopulationRegisterFeed];

    public override string ToString() => Name;

    private static Role Professional(string name, string role, OrganisationId organisation) => new(name,
    [
        (CareCoordinationClaims.Subject, "user-" + name.Replace(' ', '-')),
        (CareCoordinationClaims.Role, role),
        (CareCoordinationClaims.Organisation, organisation.Value.ToString(CultureInfo.InvariantCulture)),
        (CareCoordinationClaims.Professional, TestRegion.ReporterOf(organisation).Value.ToString(CultureInfo.InvariantCulture)),
        (CareCoordinationClaims.ClientId, "vendor-client-" + organisation.Value.ToString(CultureInfo.InvariantCulture)),
    ]);
}
