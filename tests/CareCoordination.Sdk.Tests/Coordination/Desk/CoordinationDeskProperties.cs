using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Coordination.Desk;

public sealed class CoordinationDeskProperties
{
    private static readonly OrganisationId[] Organisations = [DeskScenario.SocialWork, DeskScenario.MentalHealth, DeskScenario.Cjg, DeskScenario.YouthHealthCare];
    private static readonly ProblemDomains[] Domains = [ProblemDomains.Debt, ProblemDomains.MentalHealth, ProblemDomains.School, ProblemDomains.Safety, ProblemDomains.Parenting];

    [Property(MaxTest = 300)]
    public void No_case_is_lost_no_coordinator_is_overloaded_and_no_family_has_two_open_cases(NonEmptyArray<(byte Kind, byte Target, byte Argument)> operations)
    {
        var scenario = new DeskScenario();
        var families = Enumerable.Range(0, 5).Select(_ => scenario.NewFamily()).ToArray();
        var opened = 0;
        var nextCoordinator = 1;
        foreach (var (kind, target, argument) in operations.Get)
        {
            var family = families[target % families.Length];
            var open = scenario.Desk.FindOpenCase(family.Id);
            var before = open?.Version;
            try
            {
                opened += Apply(scenario, family, open, kind % 11, argument, ref nextCoordinator) ? 1 : 0;
            }
            catch (CoordinationException)
            {
                PropertyCheck.That(open is null || scenario.Desk.GetCase(open.Id).Version == before, "a refused change altered the case");
            }

            scenario.Clock.Advance(Duration.FromHours(argument));
            CheckInvariants(scenario, families, opened);
        }
    }

    internal static bool Apply(DeskScenario scenario, Family family, CoordinationCase? open, int kind, byte argument, ref int nextCoordinator)
    {
        var desk = scenario.Desk;
        var organisation = Organisations[argument % Organisations.Length];
        switch (kind)
        {
            case 0:
            case 1:
                return desk.Intake(CaseIntake.ForFamily((IntakeRoute)(1 + (argument % 5)), family, organisation)).Opened;
            case 2:
                if (open is not null)
                {
                    var domains = Domains.Where((_, i) => ((argument >> i) & 1) == 1).Aggregate(ProblemDomains.None, (a, d) => a | d);
                    domains = domains == ProblemDomains.None ? ProblemDomains.School : domains;
                    var core = Domains.First(d => (domains & d) != 0);
                    desk.Assess(open.Id, new CaseAssessment(domains, core, (argument & 0x40) != 0));
                }

                return false;
            case 3:
            case 4:
                if (open is not null)
                {
                    desk.AssignCoordinator(open.Id);
                }

                return false;
            case 5:
                if (open is not null)
                {
                    desk.Reassign(open.Id, "the family asked for someone else");
                }

                return false;
            case 6:
                // Youth protection reports back to an organisation involved in the case, never to one outside it.
                if (open?.InvolvedOrganisations.FirstOrDefault(o => o != DeskScenario.YouthProtection) is { IsDefault: false } involved)
                {
                    desk.HandOverToYouthProtection(open.Id, DeskScenario.HandoverTo(DeskScenario.YouthProtection, involved));
                }

                return false;
            case 7:
                if (open is not null)
                {
                    desk.ReturnFromYouthProtection(open.Id, "the measure ended");
                }

                return false;
            case 8:
                if (open is not null)
                {
                    desk.Close(open.Id, CaseOutcome.GoalsReached);
                }

                return false;
            case 9:
                scenario.AddCoordinator(nextCoordinator++, organisation, (argument & 1) == 0 ? TrainingLevel.General : TrainingLevel.Specialist, 2 + (argument % 7));
                return false;
            default:
                var pool = desk.Pool;
                if (pool.Count > 0)
                {
                    desk.RemoveCoordinator(pool[argument % pool.Count].Id, "left");
                }
                else if (open is not null && open.InvolvedOrganisations.Contains(organisation))
                {
                    desk.NameCaseHolder(open.Id, DeskScenario.ProfessionalOf(organisation, 1), organisation);
                }

                return false;
        }
    }

    private static void CheckInvariants(DeskScenario scenario, Family[] families, int opened)
    {
        var desk = scenario.Desk;
        var cases = Enumerable.Range(1, opened).Select(i => desk.GetCase(new CaseId(i))).ToArray();
        PropertyCheck.That(!cases.Any(c => c is null), "a case was lost");
        PropertyCheck.That(Throws(() => desk.GetCase(new CaseId(opened + 1))), "a case appeared that no intake opened");
        foreach (var family in families)
        {
            PropertyCheck.That(cases.Count(c => c.IsOpen && c.Family == family.Id) <= 1, "a family has two open cases");
        }

        var pool = desk.Pool.ToDictionary(c => c.Id);
        foreach (var c in cases)
        {
            switch (c.Status)
            {
                case CaseStatus.Coordinated:
                    PropertyCheck.That(c.Coordinator is { } id && pool.ContainsKey(id), "a coordinated case has no coordinator in the pool");
                    PropertyCheck.That(pool[c.Coordinator!.Value].IsQualifiedFor(c.Tier), "a specialist case has a coordinator without specialist training");
                    break;
                case CaseStatus.AwaitingCaseHolder or CaseStatus.AwaitingCoordinator:
                    PropertyCheck.That(c.WaitingReason is not null && c.WaitingSince is not null && c.Coordinator is null, "a waiting case does not say why");
                    break;
                case CaseStatus.HandedOver:
                    PropertyCheck.That(c.Handover is not null && c.Coordinator is null, "a handed-over case has no handover record");
                    break;
                case CaseStatus.CaseHolderCoordinates:
                    PropertyCheck.That(c.CaseHolder is not null && c.Tier == CoordinationTier.None, "tier none without a case holder");
                    break;
                default:
                    PropertyCheck.That(c.Status == CaseStatus.Closed && c.Outcome is not null && c.Coordinator is null, "a case is in no known status");
                    break;
            }

            PropertyCheck.That(c.Status is CaseStatus.AwaitingCoordinator or CaseStatus.Coordinated ? c.Tier != CoordinationTier.None : true, "tier none waits for a pool coordinator");
            PropertyCheck.That(CaseLifecycleTests.Fingerprint(CoordinationCase.Replay(c.History)) == CaseLifecycleTests.Fingerprint(c), "replaying the history gives another case");
        }

        foreach (var load in desk.GetOverview().Coordinators)
        {
            PropertyCheck.That(load.HoursInUse <= load.WeeklyHours, "a coordinator is above capacity");
            PropertyCheck.That(load.Cases == cases.Count(c => c.Coordinator == load.Coordinator), "the caseload does not match the cases");
        }
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (NotFoundException)
        {
            return true;
        }
    }
}
