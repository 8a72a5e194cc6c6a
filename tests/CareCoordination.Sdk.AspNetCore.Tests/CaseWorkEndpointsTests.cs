using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class CaseWorkEndpointsTests
{
    private const string Assessment = """{"problemDomains":["Parenting","Debt"],"coreProblem":"Debt","safetyThreatened":false}""";
    private static readonly string Youth = $$"""{"bsn":"{{Http.Sam}}"}""";

    [Fact]
    public async Task The_school_holds_the_case_its_match_opened_assesses_it_and_the_director_assigns_a_coordinator_from_the_pool()
    {
        using var service = await MatchedAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);

        var held = await (await school.PutAsync("/v1/cases/1/case-holder", Youth)).JsonAsync();
        var decision = await (await school.PostAsync("/v1/cases/1/assessments", Assessment)).JsonAsync();
        var assigned = await (await service.ClientAs(Role.Director).PostAsync("/v1/cases/1/coordinator-assignments", "{}")).JsonAsync();
        var read = await (await service.ClientAs(Role.CareCoordinator).GetAsync("/v1/cases/1")).JsonAsync();

        Assert.Equal("CaseHolderCoordinates", held.GetProperty("status").GetString());
        Assert.Equal(TestRegion.ReporterOf(TestRegion.School).Value, held.GetProperty("caseHolder").GetInt32());
        Assert.Equal("General", decision.GetProperty("tier").GetString());
        Assert.NotEmpty(decision.GetProperty("reasons").EnumerateArray());
        Assert.True(assigned.GetProperty("isAssigned").GetBoolean());
        Assert.Equal(1, assigned.GetProperty("coordinator").GetInt32());
        Assert.Equal("Coordinated", read.GetProperty("status").GetString());
        Assert.DoesNotContain(Http.Sam, held.GetRawText() + decision.GetRawText() + assigned.GetRawText(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_change_to_a_case_the_directors_assignment_included_is_audited_for_the_cases_youth_with_the_access_point()
    {
        using var service = await MatchedAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        await (await school.PutAsync("/v1/cases/1/case-holder", Youth)).JsonAsync();
        var before = service.Store.Audit.Records.Count;

        await (await school.PostAsync("/v1/cases/1/assessments", Assessment)).JsonAsync();
        await (await service.ClientAs(Role.Director).PostAsync("/v1/cases/1/coordinator-assignments", "{}")).JsonAsync();

        var records = service.Store.Audit.Records.Skip(before).ToList();
        var update = Assert.Single(records, r => r.Action == AuditAction.Update && r.Role == ActorRole.Coordinator);
        Assert.StartsWith("vendor-client-4@", update.System, System.StringComparison.Ordinal);
        Assert.Equal("case-1 assessed: tier General", update.Detail);
        Assert.False(update.Subject.IsDefault);
        var director = Assert.Single(records, r => r.Role == ActorRole.CoordinationDirector);
        Assert.Equal((AuditAction.Update, update.Subject), (director.Action, director.Subject));
        Assert.StartsWith("coordinator of case-1 assigned: ", director.Detail, System.StringComparison.Ordinal);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task An_intake_through_another_route_joins_the_familys_open_case_and_a_new_youth_opens_a_case()
    {
        using var service = await MatchedAsync();
        var youthHealthCare = service.ClientAs(Role.MatchCoordinator);

        var joined = await (await youthHealthCare.PostAsync("/v1/case-intakes", $$"""{"youths":["{{Http.Sam}}"],"route":"CareNetwork","meeting":"ZAT De Linde"}""")).JsonAsync();
        var opened = await (await youthHealthCare.PostAsync("/v1/case-intakes", $$"""{"youths":["{{Http.Sara}}"],"route":"YouthAndFamilyCentre"}""")).JsonAsync();

        Assert.Equal(1, joined.GetProperty("case").GetInt32());
        Assert.False(joined.GetProperty("opened").GetBoolean());
        Assert.Equal(["ReferenceIndex", "CareNetwork"], joined.GetProperty("routes").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, opened.GetProperty("case").GetInt32());
        Assert.True(opened.GetProperty("opened").GetBoolean());
        Assert.Contains(service.Store.Audit.Records, r => r.Action == AuditAction.Create && r.Detail == "intake via YouthAndFamilyCentre: opened case-2");
    }

    [Fact]
    public async Task The_case_holder_hands_the_case_over_to_youth_protection_and_an_involved_organisation_records_its_feedback()
    {
        using var service = await MatchedAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        await (await school.PutAsync("/v1/cases/1/case-holder", Youth)).JsonAsync();

        var stranger = await school.PostAsync("/v1/cases/1/handovers", Handover("[2]"));
        var handedOver = await (await school.PostAsync("/v1/cases/1/handovers", Handover("[4]"))).JsonAsync();
        service.Clock.Advance(NodaTime.Duration.FromDays(10));
        var feedback = await school.PostAsync("/v1/cases/1/feedback-reports", Youth);
        var notInvolved = await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/cases/1/feedback-reports", Youth);

        Assert.Contains("org-2 is not", (await stranger.ProblemAsync(400)).GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        Assert.Equal("HandedOver", handedOver.GetProperty("status").GetString());
        Assert.Equal(TestRegion.YouthProtection.Value, handedOver.GetProperty("handedOverTo").GetInt32());
        Assert.Equal(204, (int)feedback.StatusCode);
        Assert.Equal("R3 case and plan", (await notInvolved.ProblemAsync(403)).GetProperty("rule").GetString());
        // Due 42 days after the handover without the feedback; 42 days after the feedback with it.
        service.Clock.Advance(NodaTime.Duration.FromDays(35));
        Assert.Empty(service.Services.GetRequiredService<CoordinationDesk>().GetOverdueFeedback());
    }

    [Fact]
    public async Task After_a_handover_youth_protection_takes_the_case_as_its_holder_and_the_released_coordinator_and_the_former_holder_lose_it()
    {
        // The school and social work signal Sam: youth protection has no signal and is not involved until the handover.
        var service = new ServiceFactory();
        using var _ = service;
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        service.Services.GetRequiredService<CoordinationDesk>().AddCoordinator(new CareCoordinator(
            new CoordinatorId(1), TestRegion.ReporterOf(TestRegion.YouthAndFamilyCentre), TestRegion.YouthAndFamilyCentre, TrainingLevel.General, 8m));
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        var coordinator = service.ClientAs(Role.CareCoordinator);
        var youthProtection = service.ClientAs(CoordinatorOfYouthProtection);
        await (await school.PutAsync("/v1/cases/1/case-holder", Youth)).JsonAsync();
        await (await school.PostAsync("/v1/cases/1/assessments", Assessment)).JsonAsync();
        await (await service.ClientAs(Role.Director).PostAsync("/v1/cases/1/coordinator-assignments", "{}")).JsonAsync();
        await (await youthProtection.GetAsync("/v1/cases/1")).ProblemAsync(403);

        var handedOver = await (await coordinator.PostAsync("/v1/cases/1/handovers", Handover("[4]"))).JsonAsync();
        var released = await coordinator.GetAsync("/v1/cases/1");
        var formerHolderBefore = await school.GetAsync("/v1/cases/1");
        var taken = await youthProtection.PutAsync("/v1/cases/1/case-holder", Youth);
        var read = await youthProtection.GetAsync("/v1/cases/1");
        var formerHolderAfter = await school.GetAsync("/v1/cases/1");
        var feedback = await school.PostAsync("/v1/cases/1/feedback-reports", Youth);

        Assert.Equal("HandedOver", handedOver.GetProperty("status").GetString());
        Assert.Equal("R3 case and plan", (await released.ProblemAsync(403)).GetProperty("rule").GetString());
        await formerHolderBefore.JsonAsync();
        Assert.Equal(TestRegion.ReporterOf(TestRegion.YouthProtection).Value, (await taken.JsonAsync()).GetProperty("caseHolder").GetInt32());
        Assert.Equal("HandedOver", (await read.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("R3 case and plan", (await formerHolderAfter.ProblemAsync(403)).GetProperty("rule").GetString());
        Assert.Equal(204, (int)feedback.StatusCode);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_a_wrong_tier_step_is_unprocessable_and_a_bad_assessment_is_a_bad_request_that_changes_nothing()
    {
        using var service = await MatchedAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        var held = await (await school.PutAsync("/v1/cases/1/case-holder", Youth)).JsonAsync();
        var version = held.GetProperty("version").GetInt32();
        var audited = service.Store.Audit.Records.Count;

        var combined = await school.PostAsync("/v1/cases/1/assessments", """{"problemDomains":["Parenting, Debt"],"coreProblem":"Debt","safetyThreatened":false}""");
        var wrongCore = await school.PostAsync("/v1/cases/1/assessments", """{"problemDomains":["Parenting"],"coreProblem":"Debt","safetyThreatened":false}""");
        Assert.Equal(audited, service.Store.Audit.Records.Count);
        var stale = await school.PostAsync("/v1/cases/1/assessments", Assessment.Replace("}", $",\"expectedVersion\":{version - 1}}}", System.StringComparison.Ordinal));
        var notWaiting = await service.ClientAs(Role.Director).PostAsync("/v1/cases/1/coordinator-assignments", "{}");

        await combined.ProblemAsync(400);
        await wrongCore.ProblemAsync(400);
        await stale.ProblemAsync(409);
        Assert.Contains("AssignCoordinator", (await notWaiting.ProblemAsync(422)).GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        var read = await (await school.GetAsync("/v1/cases/1")).JsonAsync();
        Assert.Equal("None", read.GetProperty("tier").GetString());
    }

    /// <summary>A professional of youth protection (the certified institution, org-3) working as its coordinator.</summary>
    private static Role CoordinatorOfYouthProtection => new("coordinator of youth protection", [.. Role.CoordinatorOfTheSchool.Claims!.Select(c => c.Type switch
    {
        CareCoordinationClaims.Organisation => (c.Type, TestRegion.YouthProtection.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        CareCoordinationClaims.Professional => (c.Type, TestRegion.ReporterOf(TestRegion.YouthProtection).Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        CareCoordinationClaims.ClientId => (c.Type, "vendor-client-3"),
        _ => c,
    })]);

    private static string Handover(string involved) =>
        $$"""{"youthProtection":3,"measure":"SupervisionOrder","agreements":"supervision order for one year","involvedOrganisations":{{involved}},"feedbackIntervalDays":42}""";

    /// <summary>The school and youth protection signal Sam: the match opens case 1, and the pool has one coordinator of the youth and family centre.</summary>
    internal static async Task<ServiceFactory> MatchedAsync(ServiceFactory? service = null)
    {
        service ??= new ServiceFactory();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        var youthProtection = new Role("reporter of youth protection", [.. Role.ReporterOfTheOrganisation.Claims!.Select(c => c.Type switch
        {
            CareCoordinationClaims.Organisation => (c.Type, "3"),
            CareCoordinationClaims.Professional => (c.Type, "301"),
            _ => c,
        })]);
        await (await service.ClientAs(youthProtection).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        service.Services.GetRequiredService<CoordinationDesk>().AddCoordinator(new CareCoordinator(
            new CoordinatorId(1), TestRegion.ReporterOf(TestRegion.YouthAndFamilyCentre), TestRegion.YouthAndFamilyCentre, TrainingLevel.General, 8m));
        return service;
    }
}
