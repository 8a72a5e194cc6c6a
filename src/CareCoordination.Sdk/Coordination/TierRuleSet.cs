using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The region's rules that decide a case's coordination tier (<em>zorgcoördinatie-niveau</em>). Every rule that fires
/// adds its reason; the case needs the highest tier any rule asks for, and no separate coordination when none fires.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TierRuleSet
{
    private readonly TierRule[] _rules;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="rules">The rules, in the order their reasons are listed.</param>
    /// <exception cref="ArgumentException">A rule is <see langword="null"/>.</exception>
    public TierRuleSet(IEnumerable<TierRule> rules)
    {
        _rules = [.. Guard.NotNull(rules)];
        if (Array.IndexOf(_rules, null) >= 0)
        {
            throw new ArgumentException("A rule is missing.", nameof(rules));
        }
    }

    /// <summary>
    /// Gets the default rules: three or more organisations, or problems in two or more domains, need general
    /// coordination; problems in four or more domains, or a threat to the child's safety, need specialist
    /// coordination.
    /// </summary>
    public static TierRuleSet Default { get; } = new(
    [
        TierRule.WhenOrganisationsInvolved(3, CoordinationTier.General),
        TierRule.WhenProblemDomains(2, CoordinationTier.General),
        TierRule.WhenProblemDomains(4, CoordinationTier.Specialist),
        TierRule.WhenSafetyThreatened(CoordinationTier.Specialist),
    ]);

    /// <summary>Gets the rules.</summary>
    public IReadOnlyList<TierRule> Rules => _rules;

    /// <summary>Decides the tier for an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="involvedOrganisations">How many organisations are involved with the family in all.</param>
    /// <returns>The decision with its reasons.</returns>
    public TierDecision Decide(CaseAssessment assessment, int involvedOrganisations)
    {
        Guard.NotNull(assessment);
        var tier = CoordinationTier.None;
        var reasons = new List<string>();
        foreach (var rule in _rules)
        {
            if (rule.Fires(assessment, involvedOrganisations, out var reason))
            {
                reasons.Add(reason);
                tier = rule.Tier > tier ? rule.Tier : tier;
            }
        }

        if (reasons.Count == 0)
        {
            reasons.Add(CoordinationMessages.TierReasonNoRuleFired);
        }

        if (assessment.Measure is { } measure)
        {
            reasons.Add(measure switch
            {
                YouthProtectionMeasure.YouthCareIndication => CoordinationMessages.HandoverYouthCareIndication,
                YouthProtectionMeasure.SupervisionOrder => CoordinationMessages.HandoverSupervisionOrder,
                _ => CoordinationMessages.HandoverGuardianship,
            });
        }

        return new TierDecision(tier, reasons, assessment.Measure);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", _rules.Select(r => r.ToString()));
}
