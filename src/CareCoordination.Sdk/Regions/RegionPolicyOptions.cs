using System.Collections.Generic;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Regions;

/// <summary>
/// The settings from which a <see cref="RegionPolicy"/> is built: the legal and regional defaults of the
/// reference index (<em>Verwijsindex</em>), as values a region can change. Bind it from configuration or set it in code.
/// </summary>
/// <remarks>Mutable, not thread-safe: it is read once, when the policy is built.</remarks>
public sealed class RegionPolicyOptions
{
    /// <summary>Gets or sets how broadly organisations may signal.</summary>
    /// <value>The default is <see cref="ReportingScope.Broad"/>, every legally designated category.</value>
    public ReportingScope Scope { get; set; } = ReportingScope.Broad;

    /// <summary>Gets the organisation kinds that may signal in addition to those of the <see cref="Scope"/>.</summary>
    /// <value>The default is empty.</value>
    public IList<OrganisationKind> AdditionalReportingKinds { get; } = new List<OrganisationKind>();

    /// <summary>Gets the kinds that may not signal themselves and signal through another kind (<em>melden via</em>).</summary>
    /// <value>The default is daycare through youth health care (JGZ) and housing corporations through the CJG.</value>
    public IDictionary<OrganisationKind, OrganisationKind> Delegations { get; } = new Dictionary<OrganisationKind, OrganisationKind>
    {
        [OrganisationKind.Daycare] = OrganisationKind.YouthHealthCare,
        [OrganisationKind.HousingCorporation] = OrganisationKind.YouthAndFamilyCentre,
    };

    /// <summary>Gets or sets the age, in whole years, from which a person is no longer a youth: signals are refused from that birthday on and removed on it.</summary>
    /// <value>The default is 23 (Jeugdwet art. 7.1.4.6).</value>
    public int AgeLimitInYears { get; set; } = 23;

    /// <summary>Gets or sets how long a signal stays active after it was made or renewed, in months.</summary>
    /// <value>The default is 24 (two years, Jeugdwet art. 7.1.4.5).</value>
    public int ActivePeriodInMonths { get; set; } = 24;

    /// <summary>Gets or sets how long an archived signal is kept in the historical archive before it is deleted, in months.</summary>
    /// <value>The default is 60 (five years).</value>
    public int ArchivePeriodInMonths { get; set; } = 60;

    /// <summary>
    /// Gets the order in which organisation kinds are designated match coordinator (<em>matchregisseur</em>):
    /// of the organisations in a match, the one whose kind comes first here coordinates; kinds not listed come last.
    /// </summary>
    /// <value>The default is youth protection, youth care, general social work, CJG, youth health care, mental health care, MEE, GGD.</value>
    public IList<OrganisationKind> MatchCoordinatorPriority { get; } = new List<OrganisationKind>
    {
        OrganisationKind.YouthProtection,
        OrganisationKind.YouthCare,
        OrganisationKind.GeneralSocialWork,
        OrganisationKind.YouthAndFamilyCentre,
        OrganisationKind.YouthHealthCare,
        OrganisationKind.MentalHealthCare,
        OrganisationKind.Mee,
        OrganisationKind.PublicHealthService,
    };

    /// <summary>Gets or sets how long the index remembers an idempotency key and the result it answered, in hours.</summary>
    /// <value>The default is 24.</value>
    public int IdempotencyWindowInHours { get; set; } = 24;

    /// <summary>
    /// Gets or sets how many days after a match the match coordinator (<em>matchregisseur</em>) should have recorded the
    /// central contact, before the follow-up (<em>matchregie</em>) reminds it.
    /// </summary>
    /// <value>The default is 10; from 1 to 90.</value>
    public int FollowUpDeadlineInDays { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many months the logbook (<em>logboek</em>) keeps the lines of a day: which reporter signalled,
    /// was removed or was notified. The law leaves it to the region's policy; the default follows the archive period.
    /// </summary>
    /// <value>The default is 60; from 1 to 240.</value>
    public int LogbookRetentionInMonths { get; set; } = 60;

    /// <summary>
    /// Gets the addresses of the institutions the region designated (residential youth care, shelters, boarding schools),
    /// as address keys such as <c>1234AB-12</c> or <c>1234 AB 12 A</c>: youths registered there do not match each other
    /// by address (an address match, <em>adresmatch</em>).
    /// </summary>
    /// <value>Empty by default; each must be a postcode, a house number and an optional addition.</value>
    public IList<string> InstitutionAddresses { get; } = new List<string>();

    /// <summary>
    /// Gets each municipality's match coordinator (<em>matchregisseur</em>) that the region knows: the municipality code
    /// (CBS, 1–9999) and the organisation, in the directory, that takes the notice when a signalled youth moves there.
    /// </summary>
    /// <value>Empty by default: a move to another municipality then tells only the reporters with an active signal.</value>
    public IDictionary<int, int> MunicipalMatchCoordinators { get; } = new Dictionary<int, int>();

    /// <summary>Gets or sets the time zone in which dates (birthdays, expiry days) are reckoned, as a TZDB identifier.</summary>
    /// <value>The default is <c>Europe/Amsterdam</c>.</value>
    public string TimeZoneId { get; set; } = "Europe/Amsterdam";
}
