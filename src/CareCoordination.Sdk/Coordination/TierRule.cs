using System;
using System.Numerics;
using CareCoordination.Sdk.Internal;
using static System.FormattableString;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// One rule of a <see cref="TierRuleSet"/>: when its criterion holds for a case, the case needs at least the rule's tier
/// of coordination (<em>zorgcoördinatie-niveau</em>). A rule that fires explains itself in a sentence.
/// </summary>
/// <remarks>Immutable and thread-safe. Built through the <c>When…</c> factories, which validate.</remarks>
public sealed class TierRule
{
    private TierRule(TierCriterion criterion, int threshold, ProblemDomains domains, CoordinationTier tier)
    {
        if (!Enum.IsDefined(tier))
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "The tier is not defined.");
        }

        Criterion = criterion;
        Threshold = threshold;
        Domains = domains;
        Tier = tier;
    }

    /// <summary>Gets what the rule looks at.</summary>
    public TierCriterion Criterion { get; }

    /// <summary>Gets the count the criterion must reach, for <see cref="TierCriterion.InvolvedOrganisations"/> and <see cref="TierCriterion.ProblemDomainCount"/>; otherwise 0.</summary>
    public int Threshold { get; }

    /// <summary>Gets the domains of a <see cref="TierCriterion.AnyProblemDomain"/> rule; otherwise <see cref="ProblemDomains.None"/>.</summary>
    public ProblemDomains Domains { get; }

    /// <summary>Gets the tier the case needs at least when the rule fires.</summary>
    public CoordinationTier Tier { get; }

    /// <summary>A rule that fires when at least <paramref name="organisations"/> organisations are involved.</summary>
    /// <param name="organisations">The number of organisations, at least 1.</param>
    /// <param name="tier">The tier the case then needs.</param>
    /// <returns>The rule.</returns>
    public static TierRule WhenOrganisationsInvolved(int organisations, CoordinationTier tier) =>
        new(TierCriterion.InvolvedOrganisations, Guard.Positive(organisations), ProblemDomains.None, tier);

    /// <summary>A rule that fires when the family has problems in at least <paramref name="domains"/> domains.</summary>
    /// <param name="domains">The number of domains, at least 1.</param>
    /// <param name="tier">The tier the case then needs.</param>
    /// <returns>The rule.</returns>
    public static TierRule WhenProblemDomains(int domains, CoordinationTier tier) =>
        new(TierCriterion.ProblemDomainCount, Guard.Positive(domains), ProblemDomains.None, tier);

    /// <summary>A rule that fires when the family has a problem in any of <paramref name="domains"/>.</summary>
    /// <param name="domains">One or more domains.</param>
    /// <param name="tier">The tier the case then needs.</param>
    /// <returns>The rule.</returns>
    public static TierRule WhenAnyProblemIn(ProblemDomains domains, CoordinationTier tier) =>
        domains == ProblemDomains.None || (domains & ~CaseAssessment.AllDomains) != 0
            ? throw new ArgumentOutOfRangeException(nameof(domains), domains, "Name one or more defined problem domains.")
            : new(TierCriterion.AnyProblemDomain, 0, domains, tier);

    /// <summary>A rule that fires when the child's safety is threatened.</summary>
    /// <param name="tier">The tier the case then needs.</param>
    /// <returns>The rule.</returns>
    public static TierRule WhenSafetyThreatened(CoordinationTier tier) =>
        new(TierCriterion.SafetyThreat, 0, ProblemDomains.None, tier);

    /// <summary>Tells whether the rule fires for an assessment, and if so why.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="involvedOrganisations">How many organisations are involved with the family.</param>
    /// <param name="reason">The sentence that explains the decision, when the rule fires.</param>
    /// <returns>Whether the rule fires.</returns>
    public bool Fires(CaseAssessment assessment, int involvedOrganisations, out string reason)
    {
        Guard.NotNull(assessment);
        var tier = Tier switch
        {
            CoordinationTier.Specialist => CoordinationMessages.TierSpecialist,
            CoordinationTier.General => CoordinationMessages.TierGeneral,
            _ => CoordinationMessages.TierNone,
        };
        switch (Criterion)
        {
            case TierCriterion.InvolvedOrganisations when involvedOrganisations >= Threshold:
                reason = Messages.Format(CoordinationMessages.TierReasonInvolvedOrganisations, involvedOrganisations, Threshold, tier);
                return true;
            case TierCriterion.ProblemDomainCount when BitOperations.PopCount((uint)assessment.ProblemDomains) >= Threshold:
                reason = Messages.Format(CoordinationMessages.TierReasonProblemDomainCount, BitOperations.PopCount((uint)assessment.ProblemDomains), ProblemDomainText.Of(assessment.ProblemDomains), Threshold, tier);
                return true;
            case TierCriterion.AnyProblemDomain when (assessment.ProblemDomains & Domains) != 0:
                reason = Messages.Format(CoordinationMessages.TierReasonAnyProblemDomain, ProblemDomainText.Of(assessment.ProblemDomains & Domains), ProblemDomainText.Of(Domains), tier);
                return true;
            case TierCriterion.SafetyThreat when assessment.SafetyThreatened:
                reason = Messages.Format(CoordinationMessages.TierReasonSafetyThreat, tier);
                return true;
            default:
                reason = string.Empty;
                return false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Criterion switch
    {
        TierCriterion.InvolvedOrganisations => Invariant($"{Threshold}+ organisations → {Tier}"),
        TierCriterion.ProblemDomainCount => Invariant($"{Threshold}+ problem domains → {Tier}"),
        TierCriterion.AnyProblemDomain => Invariant($"a problem in {Domains} → {Tier}"),
        _ => Invariant($"safety threatened → {Tier}"),
    };

}
