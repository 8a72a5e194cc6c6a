using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// The coordination director's statistics: counts the desk's cases and pool into a <see cref="CoordinationOverview"/>
/// — aggregates only, no BSN, so that policy figures never identify a family (domain rule 10).
/// </summary>
internal static class CoordinationStatistics
{
    /// <summary>Counts the cases and the pool as they are at a moment.</summary>
    public static CoordinationOverview Overview(Instant now, IReadOnlyCollection<CoordinationCase> cases, CoordinatorPool pool)
    {
        var open = cases.Where(c => c.IsOpen).ToArray();
        var waiting = open
            .Where(c => c.WaitingSince is not null)
            .Select(c => new WaitingCase(c.Id, c.Tier, c.Status, c.WaitingReason!, c.WaitingSince!.Value, now - c.WaitingSince.Value))
            .OrderByDescending(w => w.Waited)
            .ThenBy(w => w.Case)
            .ToArray();
        var coordinators = pool.Members
            .Select(c => new CoordinatorLoad(c.Id, c.Organisation, c.Training, pool.CaseCount(c.Id), c.WeeklyHours, pool.HoursInUse(c.Id)))
            .ToArray();
        var hours = cases.SelectMany(c => c.History.OfType<CoordinationHoursRecorded>()).ToArray();
        var organisations = coordinators.Select(c => c.Organisation).Concat(hours.Select(h => h.Organisation)).Distinct().Order()
            .Select(o => new OrganisationLoad(
                o,
                coordinators.Count(c => c.Organisation == o),
                coordinators.Where(c => c.Organisation == o).Sum(c => c.Cases),
                coordinators.Where(c => c.Organisation == o).Sum(c => c.WeeklyHours),
                coordinators.Where(c => c.Organisation == o).Sum(c => c.HoursInUse),
                hours.Where(h => h.Organisation == o).Sum(h => h.Hours)))
            .ToArray();
        var toCoordinator = cases
            .Where(c => c.FirstCoordinatorAssignedAt is not null)
            .Select(c => c.FirstCoordinatorAssignedAt!.Value - c.ConcernSince)
            .Order()
            .ToArray();
        return new CoordinationOverview(
            now,
            Enum.GetValues<CoordinationTier>().ToDictionary(t => t, t => open.Count(c => c.Tier == t)),
            Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed).ToDictionary(s => s, s => open.Count(c => c.Status == s)),
            Enum.GetValues<IntakeRoute>().ToDictionary(r => r, r => open.Count(c => c.Routes.Contains(r))),
            waiting,
            coordinators,
            organisations,
            toCoordinator.Length == 0 ? null : Median(toCoordinator),
            Enum.GetValues<CoordinationTier>().ToDictionary(t => t, t => hours.Where(h => h.Tier == t).Sum(h => h.Hours)),
            Enum.GetValues<CaseOutcome>().ToDictionary(o => o, o => cases.Count(c => c.Outcome == o)),
            cases.Count(c => c.History.Any(e => e is CaseHandedOver)));
    }

    private static Duration Median(Duration[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
