using System.Collections.Generic;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>Another intake route reached a family that already has an open case, and joined it instead of opening a second one.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Route">The intake route.</param>
/// <param name="NewYouths">Youths of the family the case did not know yet.</param>
/// <param name="NewOrganisations">Organisations the case did not know were involved.</param>
public sealed record IntakeJoined(
    CaseId Case,
    Instant At,
    IntakeRoute Route,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] IReadOnlyList<Bsn> NewYouths,
    IReadOnlyList<OrganisationId> NewOrganisations) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.JoinIntake;
}
