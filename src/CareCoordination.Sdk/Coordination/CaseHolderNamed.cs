using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>A professional already involved became the case holder (<em>casushouder</em>), who aligns the help in tier none.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="CaseHolder">The professional.</param>
/// <param name="Organisation">The professional's organisation.</param>
public sealed record CaseHolderNamed(CaseId Case, Instant At, ProfessionalId CaseHolder, OrganisationId Organisation) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.NameCaseHolder;
}
