namespace CareCoordination.Sdk.Coordination;

/// <summary>What a <see cref="TierRule"/> looks at in a <see cref="CaseAssessment"/>.</summary>
public enum TierCriterion
{
    /// <summary>The number of organisations involved with the family is at least the rule's threshold.</summary>
    InvolvedOrganisations = 1,

    /// <summary>The number of problem domains is at least the rule's threshold.</summary>
    ProblemDomainCount,

    /// <summary>The family has a problem in any of the rule's domains.</summary>
    AnyProblemDomain,

    /// <summary>The child's safety is threatened (<em>bedreiging van de veiligheid</em>).</summary>
    SafetyThreat,
}
