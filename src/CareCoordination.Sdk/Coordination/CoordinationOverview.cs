using System.Collections.Generic;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The coordination director's overview (<em>overzicht voor de zorgregisseur</em>): aggregates only, no BSN, so that a
/// municipality can answer "what do we get for that money?".
/// </summary>
/// <param name="At">The moment of the overview.</param>
/// <param name="OpenCasesPerTier">Open cases per tier.</param>
/// <param name="OpenCasesPerStatus">Open cases per status.</param>
/// <param name="OpenCasesPerRoute">Open cases per intake route that reached them (a case reached by two routes counts for both).</param>
/// <param name="Waiting">The cases waiting for a case holder or a coordinator, longest first.</param>
/// <param name="Coordinators">Caseload and free capacity per coordinator.</param>
/// <param name="Organisations">Caseload, free capacity and hours spent per parent organisation.</param>
/// <param name="MedianTimeToCoordinator">Median time from the first concern to the first coordinator, over the cases that ever had one; <see langword="null"/> when none had.</param>
/// <param name="HoursSpentPerTier">Coordination hours recorded, per tier at the time they were spent.</param>
/// <param name="ClosedCasesPerOutcome">Closed cases per outcome.</param>
/// <param name="CasesHandedOver">Cases handed over to youth protection at some point.</param>
public sealed record CoordinationOverview(
    Instant At,
    IReadOnlyDictionary<CoordinationTier, int> OpenCasesPerTier,
    IReadOnlyDictionary<CaseStatus, int> OpenCasesPerStatus,
    IReadOnlyDictionary<IntakeRoute, int> OpenCasesPerRoute,
    IReadOnlyList<WaitingCase> Waiting,
    IReadOnlyList<CoordinatorLoad> Coordinators,
    IReadOnlyList<OrganisationLoad> Organisations,
    Duration? MedianTimeToCoordinator,
    IReadOnlyDictionary<CoordinationTier, decimal> HoursSpentPerTier,
    IReadOnlyDictionary<CaseOutcome, int> ClosedCasesPerOutcome,
    int CasesHandedOver);
