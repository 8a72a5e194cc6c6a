using System.Collections.Generic;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>The first intake route opened a case for a family (<em>casus aangemeld</em>).</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Family">The family, when the intake knew it.</param>
/// <param name="Youths">The youths concerned.</param>
/// <param name="Route">The intake route.</param>
/// <param name="Meeting">The meeting that handles the case (<em>overleg</em>), for example "ZAT De Regenboog".</param>
/// <param name="Organisations">The organisations that brought the case in.</param>
/// <param name="ConcernSince">When the concern first arose, for example the first signal's registration; at most <paramref name="At"/>.</param>
public sealed record CaseOpened(
    CaseId Case,
    Instant At,
    FamilyId? Family,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] IReadOnlyList<Bsn> Youths,
    IntakeRoute Route,
    string Meeting,
    IReadOnlyList<OrganisationId> Organisations,
    Instant ConcernSince) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => null;
}
