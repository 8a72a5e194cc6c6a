using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CareCoordination.Sdk.Extensions.DependencyInjection.Tests;

public sealed class CareCoordinationConfigurationTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void A_match_coordinator_priority_in_configuration_replaces_the_default_list_instead_of_adding_to_it()
    {
        using var provider = Host(new()
        {
            ["CareCoordination:Policy:MatchCoordinatorPriority:0"] = "YouthHealthCare",
            ["CareCoordination:Policy:MatchCoordinatorPriority:1"] = "YouthProtection",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal([OrganisationKind.YouthHealthCare, OrganisationKind.YouthProtection], provider.GetRequiredService<RegionPolicy>().MatchCoordinatorPriority);
    }

    [Fact]
    public void Delegations_in_configuration_replace_the_default_ones()
    {
        using var provider = Host(new() { ["CareCoordination:Policy:Delegations:Daycare"] = "YouthAndFamilyCentre" });

        var policy = provider.GetRequiredService<RegionPolicy>();

        Assert.Equal(OrganisationKind.YouthAndFamilyCentre, policy.DelegateFor(OrganisationKind.Daycare));
        Assert.Null(policy.DelegateFor(OrganisationKind.HousingCorporation));
    }

    [Fact]
    public void An_empty_value_in_configuration_empties_a_list()
    {
        using var provider = Host(new() { ["CareCoordination:Policy:MatchCoordinatorPriority"] = string.Empty });

        Assert.Empty(provider.GetRequiredService<RegionPolicy>().MatchCoordinatorPriority);
    }

    [Fact]
    public void Lists_that_configuration_does_not_name_keep_their_defaults()
    {
        using var provider = Host(new() { ["CareCoordination:Policy:Scope"] = "Narrow" });

        var defaults = RegionPolicy.Create(new RegionPolicyOptions());

        Assert.Equal(defaults.MatchCoordinatorPriority, provider.GetRequiredService<RegionPolicy>().MatchCoordinatorPriority);
        Assert.Equal(OrganisationKind.YouthHealthCare, provider.GetRequiredService<RegionPolicy>().DelegateFor(OrganisationKind.Daycare));
    }

    [Fact]
    public void Unknown_keys_and_unconvertible_values_stop_the_host_at_start_together_with_the_policys_violations()
    {
        using var provider = Host(new()
        {
            ["CareCoordination:Polcy:Scope"] = "Narrow",
            ["CareCoordination:Policy:AgeLimit"] = "21",
            ["CareCoordination:Policy:ActivePeriodInMonths"] = "0",
            ["CareCoordination:Policy:IdempotencyWindowInHours"] = "a day",
            ["CareCoordination:Coordination:FeedbackIntervalInDays"] = "0",
            ["CareCoordination:Coordination:Meeting"] = "ZAT",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "'CareCoordination:Polcy' is not a setting of CareCoordination.Sdk (known here: Policy, Coordination).",
                "'CareCoordination:Policy:AgeLimit' is not a setting of CareCoordination.Sdk (known here: Scope, AdditionalReportingKinds, Delegations, AgeLimitInYears, ActivePeriodInMonths, ArchivePeriodInMonths, MatchCoordinatorPriority, InstitutionAddresses, MunicipalMatchCoordinators, IdempotencyWindowInHours, FollowUpDeadlineInDays, LogbookRetentionInMonths, TimeZoneId).",
                "'CareCoordination:Coordination:Meeting' is not a setting of CareCoordination.Sdk (known here: WeeklyHoursPerGeneralCase, WeeklyHoursPerSpecialistCase, FeedbackIntervalInDays, DefaultMeeting).",
                "Failed to convert configuration value 'a day' at 'CareCoordination:Policy:IdempotencyWindowInHours' to type 'System.Int32'.",
                "ActivePeriodInMonths must be from 1 to 120 (the law says at most 24); it is 0.",
                "FeedbackIntervalInDays must be from 1 to 365; it is 0.",
            ],
            error.Failures);
        Assert.StartsWith("'CareCoordination:Polcy' is not a setting", error.Message, System.StringComparison.Ordinal);
        Assert.EndsWith("FeedbackIntervalInDays must be from 1 to 365; it is 0.", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_public_setting_binds_by_its_name_without_being_reported_as_unknown()
    {
        // Keys in another case than the properties: configuration keys are case-insensitive.
        var settings = typeof(RegionPolicyOptions).GetProperties().Select(p => $"CareCoordination:Policy:{p.Name.ToUpperInvariant()}")
            .Concat(typeof(CoordinationPolicyOptions).GetProperties().Select(p => $"CareCoordination:Coordination:{p.Name.ToLowerInvariant()}"));
        using var provider = Host(settings.ToDictionary(k => k, _ => (string?)null));

        // Empty values may break the policy's own rules; what matters here is that no key is unknown.
        var failures = Record.Exception(provider.GetRequiredService<IStartupValidator>().Validate) is OptionsValidationException error ? error.Failures : [];

        Assert.DoesNotContain(failures, f => f.Contains("is not a setting", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_hosting_package_a_store_section_is_reported_instead_of_silently_keeping_everything_in_memory()
    {
        using var provider = Host(new() { ["CareCoordination:Store:Kind"] = "Sqlite", ["CareCoordination:Store:Path"] = "index.db" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["'CareCoordination:Store' is not a setting of CareCoordination.Sdk (known here: Policy, Coordination)."], error.Failures);
    }

    private static ServiceProvider Host(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(configuration.GetSection("CareCoordination"))
            .BuildServiceProvider(Strict);
    }
}
