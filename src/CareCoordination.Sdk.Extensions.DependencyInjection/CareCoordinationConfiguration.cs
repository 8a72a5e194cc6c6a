using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Regions;
using Microsoft.Extensions.Configuration;

namespace CareCoordination.Sdk;

/// <summary>
/// Binds <see cref="CareCoordinationOptions"/> from a configuration section the way Microsoft.Extensions users expect
/// of settings: a list or map given in configuration replaces the default instead of adding to it, and a key that is
/// no setting (a typo, a setting of another version) is reported at start instead of being ignored.
/// </summary>
internal static class CareCoordinationConfiguration
{
    private const string PolicySection = "Policy";
    private const string CoordinationSection = "Coordination";

    // Written out rather than found by reflection, so that binding stays trimming- and AOT-safe; a test binds every
    // public property by name and fails when one is missing here.
    private static readonly string[] PolicyKeys =
    [
        nameof(RegionPolicyOptions.Scope),
        nameof(RegionPolicyOptions.AdditionalReportingKinds),
        nameof(RegionPolicyOptions.Delegations),
        nameof(RegionPolicyOptions.AgeLimitInYears),
        nameof(RegionPolicyOptions.ActivePeriodInMonths),
        nameof(RegionPolicyOptions.ArchivePeriodInMonths),
        nameof(RegionPolicyOptions.MatchCoordinatorPriority),
        nameof(RegionPolicyOptions.InstitutionAddresses),
        nameof(RegionPolicyOptions.MunicipalMatchCoordinators),
        nameof(RegionPolicyOptions.IdempotencyWindowInHours),
        nameof(RegionPolicyOptions.FollowUpDeadlineInDays),
        nameof(RegionPolicyOptions.LogbookRetentionInMonths),
        nameof(RegionPolicyOptions.TimeZoneId),
    ];

    private static readonly string[] CoordinationKeys =
    [
        nameof(CoordinationPolicyOptions.WeeklyHoursPerGeneralCase),
        nameof(CoordinationPolicyOptions.WeeklyHoursPerSpecialistCase),
        nameof(CoordinationPolicyOptions.FeedbackIntervalInDays),
        nameof(CoordinationPolicyOptions.DefaultMeeting),
    ];

    /// <summary>Binds the section into the options; what cannot be bound is kept in <see cref="CareCoordinationOptions.ConfigurationProblems"/> for the validator to report with every other violation.</summary>
    /// <param name="section">The section, for example <c>CareCoordination</c>.</param>
    /// <param name="options">The options to bind into.</param>
    /// <param name="otherSections">Further sections of <paramref name="section"/> that another package binds (the hosting package's <c>Store</c>, <c>Keys</c>, <c>DailyJobs</c>).</param>
    public static void Bind(IConfiguration section, CareCoordinationOptions options, IReadOnlyCollection<string> otherSections)
    {
        ReportUnknownKeys(section, [PolicySection, CoordinationSection, .. otherSections], options.ConfigurationProblems);
        var policy = section.GetSection(PolicySection);
        ReportUnknownKeys(policy, PolicyKeys, options.ConfigurationProblems);
        ReportUnknownKeys(section.GetSection(CoordinationSection), CoordinationKeys, options.ConfigurationProblems);

        // The binder adds to a collection that already holds items, so "MatchCoordinatorPriority:0 = YouthHealthCare"
        // would come after the eight defaults and list that kind twice. A collection named in configuration (even as
        // an empty value, for an empty list) is the whole collection.
        if (policy.GetSection(nameof(RegionPolicyOptions.AdditionalReportingKinds)).Exists())
        {
            options.Policy.AdditionalReportingKinds.Clear();
        }

        if (policy.GetSection(nameof(RegionPolicyOptions.Delegations)).Exists())
        {
            options.Policy.Delegations.Clear();
        }

        if (policy.GetSection(nameof(RegionPolicyOptions.MatchCoordinatorPriority)).Exists())
        {
            options.Policy.MatchCoordinatorPriority.Clear();
        }

        // The binder stops at the first value it cannot convert; bound per section, both sections report theirs.
        BindReporting(policy, options.Policy, options.ConfigurationProblems);
        BindReporting(section.GetSection(CoordinationSection), options.Coordination, options.ConfigurationProblems);
    }

    private static void BindReporting(IConfigurationSection section, RegionPolicyOptions target, List<string> problems)
    {
        try
        {
            section.Bind(target);
        }
        catch (InvalidOperationException error)
        {
            problems.Add(error.Message);
        }
    }

    private static void BindReporting(IConfigurationSection section, CoordinationPolicyOptions target, List<string> problems)
    {
        try
        {
            section.Bind(target);
        }
        catch (InvalidOperationException error)
        {
            problems.Add(error.Message);
        }
    }

    private static void ReportUnknownKeys(IConfiguration section, string[] known, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            // Configuration keys are case-insensitive, as the binder matches them.
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"'{child.Path}' is not a setting of CareCoordination.Sdk (known here: {string.Join(", ", known)}).");
            }
        }
    }
}
