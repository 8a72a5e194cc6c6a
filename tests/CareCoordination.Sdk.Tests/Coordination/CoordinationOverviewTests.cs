using System.Linq;
using System.Text.Json;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Signals;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Coordination;

public sealed class CoordinationOverviewTests
{
    [Fact]
    public void The_director_sees_cases_per_tier_and_route_waiting_times_caseloads_hours_and_outcomes()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork, hours: 4);
        scenario.AddCoordinator(2, DeskScenario.MentalHealth, TrainingLevel.Specialist, hours: 8);
        var general = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        var specialist = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.MentalHealth | ProblemDomains.Safety, ProblemDomains.MentalHealth, safety: true);
        var none = scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.CareNetwork, scenario.NewFamily(), DeskScenario.School)).Case;
        var closed = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        scenario.Clock.Advance(Duration.FromDays(3));
        scenario.Desk.AssignCoordinator(general).ThrowIfRefused();
        scenario.Clock.Advance(Duration.FromDays(2));
        scenario.Desk.AssignCoordinator(specialist).ThrowIfRefused();
        scenario.Desk.RecordCoordinationHours(general, DeskScenario.SocialWork, 3);
        scenario.Desk.RecordCoordinationHours(specialist, DeskScenario.MentalHealth, 6);
        scenario.Desk.Close(closed, CaseOutcome.FamilyDeclined);

        var overview = scenario.Desk.GetOverview();

        Assert.Equal((1, 1, 1), (overview.OpenCasesPerTier[CoordinationTier.None], overview.OpenCasesPerTier[CoordinationTier.General], overview.OpenCasesPerTier[CoordinationTier.Specialist]));
        Assert.Equal((2, 1), (overview.OpenCasesPerRoute[IntakeRoute.YouthAndFamilyCentre], overview.OpenCasesPerRoute[IntakeRoute.CareNetwork]));
        var waiting = Assert.Single(overview.Waiting);
        Assert.Equal((none, CaseStatus.AwaitingCaseHolder, Duration.FromDays(5)), (waiting.Case, waiting.Status, waiting.Waited));
        Assert.Equal([(1, 2m, 2m), (1, 4m, 4m)], overview.Coordinators.Select(c => (c.Cases, c.HoursInUse, c.FreeHours)));
        Assert.Equal([(DeskScenario.SocialWork, 3m), (DeskScenario.MentalHealth, 6m)], overview.Organisations.Select(o => (o.Organisation, o.HoursSpent)).OrderBy(o => o.Item2));
        Assert.Equal(Duration.FromDays(4), overview.MedianTimeToCoordinator);
        Assert.Equal((3m, 6m), (overview.HoursSpentPerTier[CoordinationTier.General], overview.HoursSpentPerTier[CoordinationTier.Specialist]));
        Assert.Equal(1, overview.ClosedCasesPerOutcome[CaseOutcome.FamilyDeclined]);
    }

    [Fact]
    public void The_overview_holds_no_citizen_number()
    {
        var scenario = new DeskScenario();
        var family = scenario.NewFamily();
        scenario.OpenWaitingCase(family, ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);

        var json = JsonSerializer.Serialize(scenario.Desk.GetOverview());

        foreach (var youth in family.Youths.Concat(family.Carers))
        {
            Assert.DoesNotContain(youth.RevealDigits(), json, System.StringComparison.Ordinal);
        }

        Assert.Contains("\"Waiting\":[{", json, System.StringComparison.Ordinal);
    }
}
