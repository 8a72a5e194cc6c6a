using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using Xunit;

namespace CareCoordination.Sdk.Tests.Coordination;

public sealed class TierRuleSetTests
{
    [Fact]
    public void A_family_with_one_problem_and_two_organisations_needs_no_separate_coordinator()
    {
        var decision = TierRuleSet.Default.Decide(new CaseAssessment(ProblemDomains.School, ProblemDomains.School, safetyThreatened: false), involvedOrganisations: 2);

        Assert.Equal(CoordinationTier.None, decision.Tier);
        Assert.Equal(["No tier rule fired: the professionals involved align the help themselves."], decision.Reasons);
        Assert.Null(decision.HandoverIndicated);
    }

    [Fact]
    public void Three_organisations_involved_need_general_coordination_and_the_reason_says_so()
    {
        var decision = TierRuleSet.Default.Decide(new CaseAssessment(ProblemDomains.School, ProblemDomains.School, false), 3);

        Assert.Equal(CoordinationTier.General, decision.Tier);
        Assert.Equal(["3 organisations are involved (rule: 3 or more need general coordination)."], decision.Reasons);
    }

    [Fact]
    public void Under_nl_NL_the_tier_reasons_read_in_Dutch_in_the_terms_of_the_field()
    {
        var general = UiCulture.In("nl-NL", () => TierRuleSet.Default.Decide(new CaseAssessment(ProblemDomains.School, ProblemDomains.School, false), 3));
        var none = UiCulture.In("nl-NL", () => TierRuleSet.Default.Decide(new CaseAssessment(ProblemDomains.School, ProblemDomains.School, false, YouthProtectionMeasure.SupervisionOrder), 1));

        Assert.Equal(["Er zijn 3 organisaties betrokken (regel: vanaf 3 is algemene zorgcoördinatie nodig)."], general.Reasons);
        Assert.Equal(
            ["Geen regel voor zorgcoördinatie is van toepassing: de betrokken hulpverleners stemmen de hulp zelf af.", "Een ondertoezichtstelling (OTS) draagt de zorgcoördinatie over aan de jeugdbescherming."],
            none.Reasons);
    }

    [Fact]
    public void Problems_in_two_domains_need_general_coordination()
    {
        var decision = TierRuleSet.Default.Decide(new CaseAssessment(ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt, false), 1);

        Assert.Equal(CoordinationTier.General, decision.Tier);
        Assert.Equal(["The family has problems in 2 domains (debt, housing) (rule: 2 or more need general coordination)."], decision.Reasons);
    }

    [Fact]
    public void Problems_in_four_domains_need_specialist_coordination_with_every_rule_that_fired_as_a_reason()
    {
        var domains = ProblemDomains.Debt | ProblemDomains.Housing | ProblemDomains.MentalHealth | ProblemDomains.School;

        var decision = TierRuleSet.Default.Decide(new CaseAssessment(domains, ProblemDomains.MentalHealth, false), 1);

        Assert.Equal(CoordinationTier.Specialist, decision.Tier);
        Assert.Equal(2, decision.Reasons.Count);
        Assert.Contains("4 or more need specialist coordination", decision.Reasons[1], System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_threat_to_the_childs_safety_needs_specialist_coordination()
    {
        var decision = TierRuleSet.Default.Decide(new CaseAssessment(ProblemDomains.Safety, ProblemDomains.Safety, safetyThreatened: true), 1);

        Assert.Equal(CoordinationTier.Specialist, decision.Tier);
        Assert.Equal(["The child's safety is threatened (rule: a threat to safety needs specialist coordination)."], decision.Reasons);
    }

    [Theory]
    [InlineData(YouthProtectionMeasure.SupervisionOrder, "A supervision order (OTS) hands coordination over to youth protection.")]
    [InlineData(YouthProtectionMeasure.YouthCareIndication, "An indication for youth care hands coordination over to youth care.")]
    [InlineData(YouthProtectionMeasure.Guardianship, "Guardianship hands coordination over to youth protection.")]
    public void An_indication_or_protection_measure_indicates_a_handover_to_youth_protection(YouthProtectionMeasure measure, string reason)
    {
        var decision = TierRuleSet.Default.Decide(new CaseAssessment(ProblemDomains.Parenting, ProblemDomains.Parenting, false, measure), 1);

        Assert.Equal(measure, decision.HandoverIndicated);
        Assert.Equal(reason, decision.Reasons[^1]);
    }

    [Fact]
    public void A_region_can_configure_its_own_rules()
    {
        var rules = new TierRuleSet([TierRule.WhenAnyProblemIn(ProblemDomains.Addiction | ProblemDomains.MentalHealth, CoordinationTier.Specialist)]);

        var decision = rules.Decide(new CaseAssessment(ProblemDomains.Addiction, ProblemDomains.Addiction, false), 1);

        Assert.Equal(CoordinationTier.Specialist, decision.Tier);
        Assert.Equal(["The family has problems in addiction (rule: a problem in mental health, addiction needs specialist coordination)."], decision.Reasons);
    }

    [Fact]
    public void A_core_problem_outside_the_familys_domains_is_refused()
    {
        var error = Assert.Throws<System.ArgumentException>(() => new CaseAssessment(ProblemDomains.Debt, ProblemDomains.School, false));

        Assert.StartsWith("The core problem must be exactly one of the family's problem domains (Debt); it is School.", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_assessment_counts_the_organisations_it_names_once_each()
    {
        var assessment = new CaseAssessment(ProblemDomains.Debt, ProblemDomains.Debt, false, null, [new OrganisationId(2), new OrganisationId(2), new OrganisationId(1)]);

        Assert.Equal([new OrganisationId(1), new OrganisationId(2)], assessment.InvolvedOrganisations);
    }

    [Fact]
    public void An_invalid_coordination_policy_lists_every_violation()
    {
        var error = Assert.Throws<InvalidCoordinationPolicyException>(() => CoordinationPolicy.Create(new CoordinationPolicyOptions
        {
            WeeklyHoursPerGeneralCase = 0,
            FeedbackIntervalInDays = 0,
            DefaultMeeting = " ",
        }));

        Assert.Equal(
            "The coordination policy is invalid: WeeklyHoursPerGeneralCase must be more than 0 and at most 40; it is 0. FeedbackIntervalInDays must be from 1 to 365; it is 0. DefaultMeeting must name a meeting.",
            error.Message);
        Assert.Equal(3, error.Violations.Count);
    }
}
