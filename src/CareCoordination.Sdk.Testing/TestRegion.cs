using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Testing;

/// <summary>
/// A ready-made region for tests and samples: one organisation of each common kind, each with a designated reporter,
/// all with municipal agreements except where the name says otherwise.
/// </summary>
public static class TestRegion
{
    /// <summary>Youth health care (JGZ), organisation 1; its reporter is professional 101.</summary>
    public static readonly OrganisationId YouthHealthCare = new(1);

    /// <summary>General social work (AMW), organisation 2; its reporter is professional 201.</summary>
    public static readonly OrganisationId SocialWork = new(2);

    /// <summary>Youth protection (BJZ/GI), organisation 3; its reporter is professional 301.</summary>
    public static readonly OrganisationId YouthProtection = new(3);

    /// <summary>A school, organisation 4; its reporter is professional 401.</summary>
    public static readonly OrganisationId School = new(4);

    /// <summary>Daycare, organisation 5; its reporter is professional 501. It may signal only where the policy is broad.</summary>
    public static readonly OrganisationId Daycare = new(5);

    /// <summary>A housing corporation, organisation 6; its reporter is professional 601. It never signals itself: it signals through the CJG.</summary>
    public static readonly OrganisationId HousingCorporation = new(6);

    /// <summary>The centre for youth and family (CJG), organisation 7; its reporter is professional 701.</summary>
    public static readonly OrganisationId YouthAndFamilyCentre = new(7);

    /// <summary>Mental health care (GGZ) without municipal agreements, organisation 8; its reporter is professional 801.</summary>
    public static readonly OrganisationId MentalHealthCareWithoutAgreement = new(8);

    /// <summary>Gets the designated reporter of one of this region's organisations.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>Its reporter: the organisation's number times 100, plus 1.</returns>
    public static ProfessionalId ReporterOf(OrganisationId organisation) => new((organisation.Value * 100) + 1);

    /// <summary>Gets a professional of one of this region's organisations who was not designated to signal.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The professional: the organisation's number times 100, plus 2.</returns>
    public static ProfessionalId UndesignatedOf(OrganisationId organisation) => new((organisation.Value * 100) + 2);

    /// <summary>Creates the region's directory.</summary>
    /// <returns>A new directory with the organisations above, each with a designated reporter and an undesignated colleague.</returns>
    public static OrganisationDirectory CreateDirectory()
    {
        var directory = new OrganisationDirectory();
        Add(directory, YouthHealthCare, "JGZ Rivierenland", OrganisationKind.YouthHealthCare, "Anna de Vries");
        Add(directory, SocialWork, "Algemeen Maatschappelijk Werk", OrganisationKind.GeneralSocialWork, "Bram Jansen");
        Add(directory, YouthProtection, "Jeugdbescherming Gelderland", OrganisationKind.YouthProtection, "Carla Bakker");
        Add(directory, School, "Basisschool De Regenboog", OrganisationKind.School, "Dirk Visser");
        Add(directory, Daycare, "Kinderopvang Het Zonnetje", OrganisationKind.Daycare, "Eva Smit");
        Add(directory, HousingCorporation, "Woonstichting Thuis", OrganisationKind.HousingCorporation, "Frank Mulder");
        Add(directory, YouthAndFamilyCentre, "CJG Centrum", OrganisationKind.YouthAndFamilyCentre, "Greet de Boer");
        Add(directory, MentalHealthCareWithoutAgreement, "GGZ Oost", OrganisationKind.MentalHealthCare, "Henk Peters", hasAgreement: false);
        return directory;
    }

    private static void Add(OrganisationDirectory directory, OrganisationId id, string name, OrganisationKind kind, string reporterName, bool hasAgreement = true)
    {
        var domain = "org" + id.Value + ".example";
        directory.AddOrReplace(new Organisation(id, name, kind, new ContactDetails("+31 30 000 0" + id.Value.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "info@" + domain), hasAgreement));
        directory.AddOrReplace(new Professional(ReporterOf(id), id, reporterName, new ContactDetails("+31 6 0000 0" + id.Value.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "reporter@" + domain), isDesignatedReporter: true));
        directory.AddOrReplace(new Professional(UndesignatedOf(id), id, "Colleague of " + reporterName, new ContactDetails("+31 6 1111 0" + id.Value.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "colleague@" + domain), isDesignatedReporter: false));
    }
}
