using System.Linq;
using NodaTime;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// Domain rule 6: the same family can arrive through two or three intake routes, and they join into one case. An
/// intake opens the family's case, or joins the open case that already handles the family or one of its youths,
/// adding the youths, organisations and route it brings.
/// </summary>
/// <remarks>Not thread-safe: the <see cref="CoordinationDesk"/> calls it under its lock, inside an operation.</remarks>
internal sealed class OneCasePerFamily(KnownFamilies families, CaseIndex cases, CaseJournal journal, CoordinationPolicy policy, IClock clock)
{
    /// <summary>Takes in an intake: joins the family's open case, or opens one.</summary>
    public IntakeResult TakeIn(CaseIntake intake)
    {
        var now = clock.GetCurrentInstant();
        var family = families.Find(intake.Family, intake.Youths);
        var familyId = intake.Family ?? family?.Id;
        var youths = intake.Youths.Concat(family?.Youths ?? []).Distinct().ToArray();

        if (cases.FindOpen(familyId, youths) is { } existing)
        {
            var newYouths = youths.Where(y => !existing.Youths.Contains(y)).ToArray();
            var newOrganisations = intake.Organisations.Where(o => !existing.InvolvedOrganisations.Contains(o)).ToArray();
            if (newYouths.Length > 0 || newOrganisations.Length > 0 || !existing.Routes.Contains(intake.Route))
            {
                existing = journal.Record(existing, new IntakeJoined(existing.Id, now, intake.Route, newYouths, newOrganisations));
            }

            return new IntakeResult(existing.Id, false, existing.Meeting, existing.Routes, existing.Status);
        }

        // A concern the route dates in the past counts from then, so waiting times start when the family was first seen.
        var since = intake.ConcernSince is { } concern && concern < now ? concern : now;
        var opened = journal.Open(new CaseOpened(
            cases.NextId, now, familyId, youths, intake.Route, intake.Meeting ?? policy.DefaultMeeting, intake.Organisations, since));
        return new IntakeResult(opened.Id, true, opened.Meeting, opened.Routes, opened.Status);
    }

    /// <summary>Tells which open case handles the case found, without any person's data.</summary>
    public static IntakeResult? Handling(CoordinationCase? open) =>
        open is null ? null : new IntakeResult(open.Id, false, open.Meeting, open.Routes, open.Status);
}
