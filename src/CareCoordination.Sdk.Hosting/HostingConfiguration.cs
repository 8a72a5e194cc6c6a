using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Binds <see cref="CareCoordinationHostingOptions"/> from the sections <c>Store</c>, <c>Keys</c> and <c>DailyJobs</c>,
/// reporting a key that is no setting and a value that does not convert instead of ignoring them.
/// </summary>
internal static class HostingConfiguration
{
    public const string StoreSection = "Store";
    public const string KeysSection = "Keys";
    public const string DailyJobsSection = "DailyJobs";

    /// <summary>The sections this package binds, which the policies' binding must not report as unknown.</summary>
    public static readonly string[] Sections = [StoreSection, KeysSection, DailyJobsSection];

    // Written out rather than found by reflection, so that binding stays trimming- and AOT-safe; a test binds every
    // public property by name and fails when one is missing here.
    private static readonly string[] StoreKeys =
    [
        nameof(CareCoordinationStoreOptions.Kind),
        nameof(CareCoordinationStoreOptions.Path),
        nameof(CareCoordinationStoreOptions.ConnectionString),
        nameof(CareCoordinationStoreOptions.Schema),
        nameof(CareCoordinationStoreOptions.CheckpointPath),
        nameof(CareCoordinationStoreOptions.Standby),
        nameof(CareCoordinationStoreOptions.CorruptRows),
    ];

    private static readonly string[] KeyKeys =
    [
        nameof(CareCoordinationKeyOptions.Pseudonymiser),
        nameof(CareCoordinationKeyOptions.YouthPseudonymiser),
        nameof(CareCoordinationKeyOptions.YouthPseudonymisationScheme),
        nameof(CareCoordinationKeyOptions.AuditChain),
        nameof(CareCoordinationKeyOptions.AuditKeyEpoch),
        nameof(CareCoordinationKeyOptions.RetiredAuditKeys),
    ];

    private static readonly string[] RetiredAuditKeyKeys =
    [
        nameof(CareCoordinationRetiredAuditKeyOptions.AuditChain),
        nameof(CareCoordinationRetiredAuditKeyOptions.Pseudonymiser),
    ];

    private static readonly string[] DailyJobKeys =
    [
        nameof(DailyJobOptions.Enabled),
        nameof(DailyJobOptions.TimeOfDay),
        nameof(DailyJobOptions.ServiceAccount),
        nameof(DailyJobOptions.AuditRetentionInMonths),
    ];

    public static void Bind(IConfigurationSection section, CareCoordinationHostingOptions options)
    {
        options.SectionPath = section.Path;
        var problems = options.ConfigurationProblems;
        ReportUnknownKeys(section.GetSection(StoreSection), StoreKeys, problems);
        ReportUnknownKeys(section.GetSection(KeysSection), KeyKeys, problems);
        foreach (var retired in section.GetSection(KeysSection).GetSection(nameof(CareCoordinationKeyOptions.RetiredAuditKeys)).GetChildren())
        {
            ReportUnknownKeys(retired, RetiredAuditKeyKeys, problems);
        }
        ReportUnknownKeys(section.GetSection(DailyJobsSection), DailyJobKeys, problems);

        // The binder stops at the first value it cannot convert; bound per section, each section reports its own.
        Report(problems, () => section.GetSection(StoreSection).Bind(options.Store));
        Report(problems, () => section.GetSection(KeysSection).Bind(options.Keys));
        Report(problems, () => section.GetSection(DailyJobsSection).Bind(options.DailyJobs));
    }

    /// <summary>The store kind as configuration names it now, to decide at registration whether this package opens the store.</summary>
    public static CareCoordinationStoreKind ConfiguredStoreKind(IConfigurationSection section) =>
        Enum.TryParse<CareCoordinationStoreKind>(section.GetSection(StoreSection)[nameof(CareCoordinationStoreOptions.Kind)], ignoreCase: true, out var kind)
            ? kind
            : CareCoordinationStoreKind.None;

    /// <summary>Whether configuration rotates the audit keys now (a later epoch or retired keys), to decide at registration whether this package builds the key ring.</summary>
    public static bool NamesAuditKeyRing(IConfigurationSection section) =>
        section.GetSection(KeysSection).GetSection(nameof(CareCoordinationKeyOptions.AuditKeyEpoch)).Value is not null
        || section.GetSection(KeysSection).GetSection(nameof(CareCoordinationKeyOptions.RetiredAuditKeys)).GetChildren().Any();

    /// <summary>Whether configuration names a key now, to decide at registration whether this package builds the pseudonymiser.</summary>
    public static bool NamesKey(IConfigurationSection section, string key) =>
        !string.IsNullOrWhiteSpace(section.GetSection(KeysSection)[key]);

    private static void Report(List<string> problems, Action bind)
    {
        try
        {
            bind();
        }
        catch (InvalidOperationException error)
        {
            problems.Add(error.Message);
        }
    }

    private static void ReportUnknownKeys(IConfigurationSection section, string[] known, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            // Configuration keys are case-insensitive, as the binder matches them.
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"'{child.Path}' is not a setting of CareCoordination.Sdk.Hosting (known here: {string.Join(", ", known)}).");
            }
        }
    }
}
