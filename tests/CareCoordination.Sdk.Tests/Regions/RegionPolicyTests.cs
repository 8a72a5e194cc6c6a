using System.Linq;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Regions;

public sealed class RegionPolicyTests
{
    [Fact]
    public void The_default_policy_holds_the_legal_defaults()
    {
        var policy = RegionPolicy.Default;

        Assert.Equal(ReportingScope.Broad, policy.Scope);
        Assert.Equal(23, policy.AgeLimitInYears);
        Assert.Equal(Period.FromMonths(24), policy.ActivePeriod);
        Assert.Equal(Period.FromMonths(60), policy.ArchivePeriod);
        Assert.Equal("Europe/Amsterdam", policy.TimeZone.Id);
        Assert.Equal(OrganisationKind.YouthProtection, policy.MatchCoordinatorPriority[0]);
        Assert.Equal(OrganisationKind.YouthHealthCare, policy.DelegateFor(OrganisationKind.Daycare));
        Assert.Equal(OrganisationKind.YouthAndFamilyCentre, policy.DelegateFor(OrganisationKind.HousingCorporation));
    }

    [Theory]
    [InlineData(OrganisationKind.School, true, false)]
    [InlineData(OrganisationKind.Daycare, true, false)]
    [InlineData(OrganisationKind.YouthWork, true, false)]
    [InlineData(OrganisationKind.YouthHealthCare, true, true)]
    [InlineData(OrganisationKind.GeneralSocialWork, true, true)]
    [InlineData(OrganisationKind.YouthProtection, true, true)]
    [InlineData(OrganisationKind.HousingCorporation, false, false)]
    public void Broad_regions_let_schools_daycare_and_youth_work_signal_and_narrow_ones_only_care_institutions(OrganisationKind kind, bool broad, bool narrow)
    {
        Assert.Equal(broad, RegionPolicy.Default.MayReport(kind));
        Assert.Equal(narrow, RegionPolicy.Create(new RegionPolicyOptions { Scope = ReportingScope.Narrow }).MayReport(kind));
    }

    [Fact]
    public void A_region_may_add_a_kind_to_those_that_signal()
    {
        var options = new RegionPolicyOptions { Scope = ReportingScope.Narrow };
        options.AdditionalReportingKinds.Add(OrganisationKind.School);

        Assert.True(RegionPolicy.Create(options).MayReport(OrganisationKind.School));
    }

    [Fact]
    public void An_invalid_policy_is_refused_with_every_violation_in_one_message()
    {
        var options = new RegionPolicyOptions { Scope = ReportingScope.Narrow, AgeLimitInYears = 5, ArchivePeriodInMonths = -1, TimeZoneId = "Nowhere/Else" };
        options.Delegations[OrganisationKind.Daycare] = OrganisationKind.School;
        options.MatchCoordinatorPriority.Add(OrganisationKind.YouthProtection);

        var error = Assert.Throws<InvalidRegionPolicyException>(() => RegionPolicy.Create(options));

        Assert.Equal(
            "The region policy is invalid: AgeLimitInYears must be from 12 to 27 (the law says 23); it is 5. "
            + "ArchivePeriodInMonths must be from 0 to 240 (the law says 60); it is -1. "
            + "Delegations lets Daycare signal through School, but School may not signal in this region. "
            + "MatchCoordinatorPriority lists YouthProtection more than once. "
            + "TimeZoneId 'Nowhere/Else' is not a TZDB time zone (use Europe/Amsterdam).",
            error.Message);
        Assert.Equal(5, error.Violations.Count);
    }

    [Fact]
    public void Validating_valid_settings_finds_nothing()
    {
        Assert.Empty(RegionPolicy.Validate(new RegionPolicyOptions()));
        Assert.Equal(8, RegionPolicy.Default.MatchCoordinatorPriority.Distinct().Count());
    }

    [Fact]
    public void Institution_addresses_are_read_as_normalised_keys_and_one_that_is_no_address_is_refused_at_start()
    {
        var options = new RegionPolicyOptions();
        options.InstitutionAddresses.Add("3511 ab 20 a");

        Assert.Equal([Sdk.Families.AddressKey.Create("3511AB", 20, "A")], RegionPolicy.Create(options).InstitutionAddresses);
        options.InstitutionAddresses.Add("Kerkstraat 1");
        var error = Assert.Throws<InvalidRegionPolicyException>(() => RegionPolicy.Create(options));
        Assert.Contains("InstitutionAddresses holds 'Kerkstraat 1', which is not an address key", error.Message, System.StringComparison.Ordinal);
    }
}
