using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using CareCoordination.Sdk.Privacy;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class PlanEndpointsTests
{
    [Fact]
    public async Task The_coordinator_drafts_the_plan_sets_a_goal_agrees_an_action_completes_it_and_reviews_the_goal_as_reached()
    {
        using var service = await CoordinatedAsync();
        var coordinator = service.ClientAs(Role.CareCoordinator);

        var draft = await coordinator.PostAsync("/v1/cases/1/plan", "{}");
        var drafted = await draft.JsonAsync();
        var goal = await (await coordinator.PostAsync("/v1/cases/1/plan/goals", """{"description":"the debts are under control","expectedVersion":1}""")).JsonAsync();
        var action = await (await coordinator.PostAsync("/v1/cases/1/plan/actions", """{"goal":1,"kind":"Help","description":"debt counselling","owner":2,"professional":201,"due":"2026-12-14","expectedVersion":2}""")).JsonAsync();
        await (await coordinator.PostAsync("/v1/cases/1/plan/actions/1/completions", """{"expectedVersion":3}""")).JsonAsync();
        var reviewed = await (await coordinator.PostAsync("/v1/cases/1/plan/reviews", """{"progress":{"1":"a payment plan runs"},"reached":[1],"expectedVersion":4}""")).JsonAsync();

        Assert.Equal(201, (int)draft.StatusCode);
        Assert.Equal("/v1/cases/1/plan", draft.Headers.Location?.ToString());
        Assert.Equal(1, drafted.GetProperty("version").GetInt32());
        Assert.Equal("the debts are under control", goal.GetProperty("goals")[0].GetProperty("description").GetString());
        Assert.Equal("2026-12-14", action.GetProperty("actions")[0].GetProperty("due").GetString());
        Assert.Equal(5, reviewed.GetProperty("version").GetInt32());
        Assert.Equal("Done", reviewed.GetProperty("actions")[0].GetProperty("status").GetString());
        Assert.True(reviewed.GetProperty("goals")[0].GetProperty("reached").GetBoolean());
        Assert.Equal(5, service.Store.Audit.Records.Count(r => r.Data == DataCategory.Plan && r.Action is AuditAction.Create or AuditAction.Update));
    }

    [Fact]
    public async Task An_overdue_action_climbs_the_escalation_ladder_and_the_municipalitys_enforcement_order_is_recorded_once_it_reaches_the_municipality()
    {
        using var service = await CoordinatedAsync();
        var coordinator = service.ClientAs(Role.CareCoordinator);
        await (await coordinator.PostAsync("/v1/cases/1/plan", "{}")).JsonAsync();
        await (await coordinator.PostAsync("/v1/cases/1/plan/goals", """{"description":"parenting support","expectedVersion":1}""")).JsonAsync();
        await (await coordinator.PostAsync("/v1/cases/1/plan/actions", """{"goal":1,"kind":"Help","description":"parenting course","owner":1,"professional":101,"due":"2026-11-30","expectedVersion":2}""")).JsonAsync();

        var early = await coordinator.PostAsync("/v1/cases/1/plan/enforcement-orders", Order(3));
        var version = 3;
        var level = "None";
        for (var day = 0; day < 120 && level != "Municipality"; day += 7)
        {
            service.Clock.Advance(NodaTime.Duration.FromDays(7));
            var plan = await (await coordinator.PostAsync("/v1/cases/1/plan/escalation-checks", $$"""{"expectedVersion":{{version}}}""")).JsonAsync();
            version = plan.GetProperty("version").GetInt32();
            level = plan.GetProperty("escalation").GetString()!;
        }

        var ordered = await (await coordinator.PostAsync("/v1/cases/1/plan/enforcement-orders", Order(version))).JsonAsync();

        await early.ProblemAsync(422);
        Assert.Equal("Municipality", level);
        Assert.Equal("start the course within a week", ordered.GetProperty("enforcementOrders")[0].GetProperty("ordered").GetString());
        Assert.Equal(801, ordered.GetProperty("enforcementOrders")[0].GetProperty("decidedBy").GetInt32());
    }

    [Fact]
    public async Task Two_coordinators_changes_on_the_same_version_do_not_overwrite_each_other_and_nobody_else_changes_the_plan()
    {
        using var service = await CoordinatedAsync();
        var coordinator = service.ClientAs(Role.CareCoordinator);
        await (await coordinator.PostAsync("/v1/cases/1/plan", "{}")).JsonAsync();

        await (await coordinator.PostAsync("/v1/cases/1/plan/goals", """{"description":"first","expectedVersion":1}""")).JsonAsync();
        var stale = await coordinator.PostAsync("/v1/cases/1/plan/goals", """{"description":"second","expectedVersion":1}""");
        var again = await coordinator.PostAsync("/v1/cases/1/plan", "{}");
        var reporter = await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/cases/1/plan/goals", """{"description":"third","expectedVersion":2}""");
        var blank = await coordinator.PostAsync("/v1/cases/1/plan/goals", """{"description":"  ","expectedVersion":2}""");

        await stale.ProblemAsync(409);
        await again.ProblemAsync(422);
        Assert.False(string.IsNullOrEmpty((await reporter.ProblemAsync(403)).GetProperty("rule").GetString()));
        await blank.ProblemAsync(400);
        var plan = await (await coordinator.GetAsync("/v1/cases/1/plan")).JsonAsync();
        Assert.Equal(["first"], plan.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("description").GetString()));
    }

    private static string Order(int version) =>
        $$"""{"provider":1,"ordered":"start the course within a week","by":"2027-03-01","decidedBy":801,"expectedVersion":{{version}}}""";

    /// <summary>Case 1 coordinated by the pool's coordinator (the care coordinator's professional), after the school held and assessed it.</summary>
    private static async Task<ServiceFactory> CoordinatedAsync()
    {
        var service = await CaseWorkEndpointsTests.MatchedAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        await (await school.PutAsync("/v1/cases/1/case-holder", $$"""{"bsn":"{{Http.Sam}}"}""")).JsonAsync();
        await (await school.PostAsync("/v1/cases/1/assessments", """{"problemDomains":["Parenting","Debt"],"coreProblem":"Debt","safetyThreatened":false}""")).JsonAsync();
        var assigned = await (await service.ClientAs(Role.Director).PostAsync("/v1/cases/1/coordinator-assignments", "{}")).JsonAsync();
        Assert.True(assigned.GetProperty("isAssigned").GetBoolean());
        return service;
    }
}
