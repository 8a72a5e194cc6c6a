using System.Collections.Generic;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// The settings of a host that runs CareCoordination.Sdk, beside the policies of <see cref="CareCoordinationOptions"/>
/// in the same configuration section: the store, the keys and the daily jobs.
/// </summary>
/// <remarks>
/// Bound from configuration and validated once at start: an invalid setting stops the host with every violation listed,
/// each by its full configuration path (for example <c>CareCoordination:Store:Path</c>); a key that is no setting is reported too.
/// </remarks>
public sealed class CareCoordinationHostingOptions
{
    /// <summary>Gets the store settings.</summary>
    /// <value>The default is no store configured.</value>
    public CareCoordinationStoreOptions Store { get; } = new();

    /// <summary>Gets the keys.</summary>
    /// <value>The default is no key configured.</value>
    public CareCoordinationKeyOptions Keys { get; } = new();

    /// <summary>Gets the daily jobs' settings.</summary>
    /// <value>The default is enabled, at 02:00, without a service account.</value>
    public DailyJobOptions DailyJobs { get; } = new();

    // The section's path, so that every violation names the setting as the operator wrote it.
    internal string SectionPath { get; set; } = "CareCoordination";

    // What binding could not take (unknown keys, values of the wrong type), reported with the other violations.
    internal List<string> ConfigurationProblems { get; } = [];
}
