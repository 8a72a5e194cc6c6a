using System.Collections.Generic;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>The case was assessed and its tier decided, with the reasons (<em>niveaubepaling</em>); the tier may have moved up, down or stayed.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="From">The tier before.</param>
/// <param name="To">The tier after.</param>
/// <param name="ProblemDomains">The family's problem domains.</param>
/// <param name="CoreProblem">The family's core problem.</param>
/// <param name="InvolvedOrganisations">The organisations the assessment named as involved.</param>
/// <param name="Reasons">Why the tier is what it is.</param>
public sealed record CaseAssessed(
    CaseId Case,
    Instant At,
    CoordinationTier From,
    CoordinationTier To,
    ProblemDomains ProblemDomains,
    ProblemDomains CoreProblem,
    IReadOnlyList<OrganisationId> InvolvedOrganisations,
    IReadOnlyList<string> Reasons) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => (From, To) switch
    {
        _ when From == To => null,
        (CoordinationTier.None, _) => CaseTrigger.RaiseToCoordination,
        (_, CoordinationTier.None) => CaseTrigger.LowerToNone,
        _ => CaseTrigger.ChangeCoordinatedTier,
    };
}
