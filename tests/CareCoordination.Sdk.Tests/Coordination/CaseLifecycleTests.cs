using System;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using Xunit;

namespace CareCoordination.Sdk.Tests.Coordination;

public sealed class CaseLifecycleTests
{
    [Fact]
    public void The_lifecycle_diagram_in_the_docs_is_generated_from_the_table()
    {
        MermaidDocs.AssertGenerated("coordination-lifecycle.md", CaseLifecycle.ToMermaid());
    }

    [Fact]
    public void Every_open_status_can_be_closed_and_a_closed_case_allows_nothing()
    {
        foreach (var status in Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed))
        {
            Assert.Contains(CaseTrigger.Close, CaseLifecycle.TriggersFrom(status));
        }

        Assert.Empty(CaseLifecycle.TriggersFrom(CaseStatus.Closed));
    }

    [Fact]
    public void A_closed_case_refuses_another_intake_and_stays_as_it_was()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily());
        var closed = scenario.Desk.Close(id, CaseOutcome.GoalsReached);

        var error = Assert.Throws<CaseTransitionRefusedException>(() => scenario.Desk.RecordCoordinationHours(id, DeskScenario.Cjg, 1));

        Assert.Equal($"{id} is Closed; RecordHours is not allowed: the lifecycle allows nothing in status Closed.", error.Message);
        Assert.Same(closed, scenario.Desk.GetCase(id));
    }

    [Fact]
    public void Under_nl_NL_a_closed_case_refuses_another_intake_in_Dutch()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily());
        scenario.Desk.Close(id, CaseOutcome.GoalsReached);

        var error = UiCulture.In("nl-NL", () => Assert.Throws<CaseTransitionRefusedException>(() => scenario.Desk.RecordCoordinationHours(id, DeskScenario.Cjg, 1)));

        Assert.Equal($"{id} heeft de status Closed; RecordHours is niet toegestaan: de levensloop van een casus staat in status Closed niets toe.", error.Message);
    }

    [Fact]
    public void Replaying_a_cases_history_rebuilds_the_same_case()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        var family = scenario.NewFamily();
        var id = scenario.OpenWaitingCase(family, ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.CareNetwork, family, DeskScenario.School));
        scenario.Desk.AssignCoordinator(id).ThrowIfRefused();
        scenario.Desk.RecordCoordinationHours(id, DeskScenario.SocialWork, 3.5m);
        scenario.Desk.HandOverToYouthProtection(id, DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.School));
        var current = scenario.Desk.GetCase(id);

        var replayed = CoordinationCase.Replay(current.History);

        Assert.Equal(Fingerprint(current), Fingerprint(replayed));
    }

    [Fact]
    public void A_history_that_does_not_start_by_opening_the_case_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CoordinationCase.Replay([new CaseClosed(new CaseId(1), Signals.IndexScenario.Start, CaseOutcome.GoalsReached)]));

        Assert.StartsWith("A case's history starts with the event that opened it.", error.Message, StringComparison.Ordinal);
    }

    internal static string Fingerprint(CoordinationCase c) => string.Join(
        "|",
        c.Id,
        c.Family,
        string.Join(",", c.Youths.Select(y => y.RevealDigits())),
        string.Join(",", c.Routes),
        c.Meeting,
        c.Tier,
        string.Join(",", c.TierReasons),
        c.ProblemDomains,
        c.CoreProblem,
        string.Join(",", c.InvolvedOrganisations),
        c.Status,
        c.CaseHolder,
        c.Coordinator,
        c.CoordinatorOrganisation,
        c.FirstCoordinatorAssignedAt,
        c.WaitingReason,
        c.WaitingSince,
        c.Handover,
        c.HandedOverAt,
        c.Outcome,
        c.ClosedAt,
        c.Version,
        string.Join(",", c.GetFeedbackDue()));
}
