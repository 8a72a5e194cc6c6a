using System;
using System.Linq;
using CareCoordination.Sdk.Internal;
using NodaTime;
using static System.FormattableString;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// Who coordinates a case (domain rule 8): a pool member qualified for the case's tier with room for its hours,
/// preferring an organisation that fits the family's core problem and already knows the family, then one that fits,
/// then one that knows the family, and falling back to another organisation when those cannot staff it; among equals,
/// the member with the most free hours. It records the assignment, or why the case keeps waiting, in the case's
/// journal, and says when a tier change means the coordinator must go.
/// </summary>
/// <remarks>Not thread-safe: the <see cref="CoordinationDesk"/> calls it under its lock.</remarks>
internal sealed class CoordinatorSelection(CoordinatorPool pool, CoordinationPolicy policy, CaseJournal journal, IClock clock)
{
    /// <summary>Assigns the best coordinator to a waiting case, or records why nobody can take it.</summary>
    /// <exception cref="CaseTransitionRefusedException">The case does not wait for a coordinator.</exception>
    public AssignmentDecision AssignBest(CoordinationCase current, SocialMap map, CoordinatorId? excluded)
    {
        RequireWaitingForCoordinator(current);
        var choice = ChooseFor(current, map, excluded);
        var now = clock.GetCurrentInstant();
        if (choice.Coordinator is not { } best)
        {
            // A case that keeps waiting for the same reason gets no new event at every attempt.
            if (current.WaitingReason != choice.Reason)
            {
                journal.Record(current, new CoordinatorUnavailable(current.Id, now, choice.Reason));
            }

            return AssignmentDecision.Refused(current.Id, choice.Reason);
        }

        journal.Record(current, new CoordinatorAssigned(current.Id, now, best.Id, best.Organisation, choice.IsFallback, choice.Reason));
        return AssignmentDecision.Assigned(current.Id, best, choice.IsFallback, choice.Reason);
    }

    /// <summary>Assigns the coordinator the director chose, when qualified for the tier and with room; otherwise changes nothing and says why.</summary>
    /// <exception cref="NotFoundException">The pool has no such coordinator.</exception>
    /// <exception cref="CaseTransitionRefusedException">The case does not wait for a coordinator.</exception>
    public AssignmentDecision AssignChosen(CoordinationCase current, CoordinatorId coordinator)
    {
        RequireWaitingForCoordinator(current);
        var choice = Check(current, coordinator);
        if (choice.Coordinator is not { } chosen)
        {
            return AssignmentDecision.Refused(current.Id, choice.Reason);
        }

        journal.Record(current, new CoordinatorAssigned(current.Id, clock.GetCurrentInstant(), coordinator, chosen.Organisation, false, choice.Reason));
        return AssignmentDecision.Assigned(current.Id, chosen, false, choice.Reason);
    }

    /// <summary>Chooses the best coordinator for a waiting case, leaving out one (the coordinator it is moving away from).</summary>
    public CoordinatorChoice ChooseFor(CoordinationCase current, SocialMap map, CoordinatorId? excluded)
    {
        var hours = policy.WeeklyHoursFor(current.Tier);
        CareCoordinator? best = null;
        int bestRank = int.MaxValue, preferredRank = int.MaxValue;
        decimal bestFree = 0;
        int considered = 0, unqualified = 0, full = 0;
        foreach (var candidate in pool.Members)
        {
            if (candidate.Id == excluded)
            {
                continue;
            }

            considered++;
            var fits = current.CoreProblem != ProblemDomains.None && map.HasExpertise(candidate.Organisation, current.CoreProblem);
            var knows = current.InvolvedOrganisations.Contains(candidate.Organisation);
            var rank = fits ? (knows ? 0 : 1) : (knows ? 2 : 3);
            preferredRank = Math.Min(preferredRank, rank);
            if (!candidate.IsQualifiedFor(current.Tier))
            {
                unqualified++;
                continue;
            }

            var free = pool.FreeHours(candidate);
            if (free < hours)
            {
                full++;
                continue;
            }

            if (rank < bestRank || (rank == bestRank && free > bestFree))
            {
                (best, bestRank, bestFree) = (candidate, rank, free);
            }
        }

        if (best is null)
        {
            return new CoordinatorChoice(null, false, Messages.Format(
                CoordinationMessages.NobodyInPool,
                current.Tier,
                hours,
                considered == 0 ? CoordinationMessages.PoolEmpty : Messages.Format(CoordinationMessages.PoolFull, full, unqualified)));
        }

        var fallback = bestRank > preferredRank;
        var why = bestRank switch
        {
            0 => Messages.Format(CoordinationMessages.ChosenFitsAndKnows, best.Organisation, ProblemDomainText.Of(current.CoreProblem)),
            1 => Messages.Format(CoordinationMessages.ChosenFits, best.Organisation, ProblemDomainText.Of(current.CoreProblem)),
            2 => Messages.Format(CoordinationMessages.ChosenKnows, best.Organisation),
            _ => Messages.Format(CoordinationMessages.ChosenInPool, best.Organisation),
        };
        var text = Messages.Format(CoordinationMessages.ChosenHoursFree, why, best.Id, bestFree, best.WeeklyHours)
            + (fallback ? CoordinationMessages.ChosenFallback : string.Empty);
        return new CoordinatorChoice(best, fallback, text);
    }

    /// <summary>Checks the coordinator the director chose: qualified for the case's tier, with room for its hours.</summary>
    /// <exception cref="NotFoundException">The pool has no such coordinator.</exception>
    public CoordinatorChoice Check(CoordinationCase current, CoordinatorId coordinator)
    {
        if (!pool.TryGet(coordinator, out var chosen))
        {
            throw NotFoundException.Unknown(coordinator.ToString(), "the coordination desk");
        }

        var hours = policy.WeeklyHoursFor(current.Tier);
        if (!chosen.IsQualifiedFor(current.Tier))
        {
            return new CoordinatorChoice(null, false, $"{coordinator} has general training only and the case is specialist.");
        }

        var free = pool.FreeHours(chosen);
        return free < hours
            ? new CoordinatorChoice(null, false, Invariant($"{coordinator} has {free} of {chosen.WeeklyHours} hours free and the case takes {hours}."))
            : new CoordinatorChoice(chosen, false, Invariant($"Chosen by the coordination director; {coordinator} had {free} hours free."));
    }

    /// <summary>Says why a case's coordinator must be released when its tier changes, or <see langword="null"/> when the coordinator can stay.</summary>
    public string? ReasonToRelease(CoordinationCase current, CoordinationTier newTier)
    {
        if (current.Coordinator is not { } coordinatorId || !pool.TryGet(coordinatorId, out var coordinator) || newTier == current.Tier)
        {
            return null;
        }

        var extra = policy.WeeklyHoursFor(newTier) - policy.WeeklyHoursFor(current.Tier);
        return newTier == CoordinationTier.None ? "the tier fell to none; the case holder aligns the help"
            : !coordinator.IsQualifiedFor(newTier) ? "the case became specialist and the coordinator has general training only"
            : extra > pool.FreeHours(coordinator) ? Invariant($"the case now takes {extra} more hours a week than the coordinator has free")
            : null;
    }

    private static void RequireWaitingForCoordinator(CoordinationCase current)
    {
        if (current.Status != CaseStatus.AwaitingCoordinator)
        {
            throw new CaseTransitionRefusedException(current.Id, current.Status, CaseTrigger.AssignCoordinator, CoordinationMessages.RuleOnlyWaitingCaseGetsCoordinator);
        }
    }
}
