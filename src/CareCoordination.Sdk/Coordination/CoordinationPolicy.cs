using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Internal;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>A municipality's rules for coordination: the tier rules, what a case costs a coordinator per tier, and how often youth protection reports back.</summary>
/// <remarks>Immutable and thread-safe; built only through <see cref="Create"/>, which refuses invalid settings.</remarks>
public sealed class CoordinationPolicy
{
    private CoordinationPolicy(CoordinationPolicyOptions options, TierRuleSet rules)
    {
        WeeklyHoursPerGeneralCase = options.WeeklyHoursPerGeneralCase;
        WeeklyHoursPerSpecialistCase = options.WeeklyHoursPerSpecialistCase;
        FeedbackInterval = Duration.FromDays(options.FeedbackIntervalInDays);
        DefaultMeeting = options.DefaultMeeting.Trim();
        TierRules = rules;
    }

    /// <summary>Gets the default policy with <see cref="TierRuleSet.Default"/>.</summary>
    public static CoordinationPolicy Default { get; } = Create(new CoordinationPolicyOptions());

    /// <summary>Gets the rules that decide a case's tier.</summary>
    public TierRuleSet TierRules { get; }

    /// <summary>Gets the weekly hours a general case takes from its coordinator.</summary>
    public decimal WeeklyHoursPerGeneralCase { get; }

    /// <summary>Gets the weekly hours a specialist case takes from its coordinator.</summary>
    public decimal WeeklyHoursPerSpecialistCase { get; }

    /// <summary>Gets how often youth protection reports back after a handover.</summary>
    public Duration FeedbackInterval { get; }

    /// <summary>Gets the meeting that handles a case when the intake names none.</summary>
    public string DefaultMeeting { get; }

    /// <summary>Creates a policy.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="tierRules">The tier rules, or <see langword="null"/> for <see cref="TierRuleSet.Default"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidCoordinationPolicyException">The settings break one or more rules; all are listed.</exception>
    public static CoordinationPolicy Create(CoordinationPolicyOptions options, TierRuleSet? tierRules = null)
    {
        var violations = Validate(options);
        return violations.Count > 0
            ? throw new InvalidCoordinationPolicyException(violations)
            : new CoordinationPolicy(options, tierRules ?? TierRuleSet.Default);
    }

    /// <summary>Lists every rule the settings break, without creating a policy; for options validation at start-up.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The violations, one sentence each; empty when the settings are valid.</returns>
    public static IReadOnlyList<string> Validate(CoordinationPolicyOptions options)
    {
        Guard.NotNull(options);
        var violations = new List<string>();
        if (options.WeeklyHoursPerGeneralCase is <= 0 or > 40)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"WeeklyHoursPerGeneralCase must be more than 0 and at most 40; it is {options.WeeklyHoursPerGeneralCase}."));
        }

        if (options.WeeklyHoursPerSpecialistCase is <= 0 or > 40)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"WeeklyHoursPerSpecialistCase must be more than 0 and at most 40; it is {options.WeeklyHoursPerSpecialistCase}."));
        }

        if (options.FeedbackIntervalInDays is < 1 or > 365)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"FeedbackIntervalInDays must be from 1 to 365; it is {options.FeedbackIntervalInDays}."));
        }

        if (string.IsNullOrWhiteSpace(options.DefaultMeeting))
        {
            violations.Add("DefaultMeeting must name a meeting.");
        }

        return violations;
    }

    /// <summary>Gets the weekly hours a case of a tier takes from its coordinator; none for tier none, which has no pool coordinator.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The hours.</returns>
    public decimal WeeklyHoursFor(CoordinationTier tier) => tier switch
    {
        CoordinationTier.Specialist => WeeklyHoursPerSpecialistCase,
        CoordinationTier.General => WeeklyHoursPerGeneralCase,
        _ => 0m,
    };
}
