using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// The family plan through the door (<em>1 gezin, 1 plan</em>): draft, goals, actions, reviews and
/// the escalation ladder, by the case's coordinator or case holder only (R3 through <see cref="PersonDataAccess"/>,
/// audited in the change's own commit). Every change names the plan's version it was made on, so that two coordinators'
/// changes never overwrite each other (409).
/// </summary>
internal static class PlanEndpoints
{
    private const int MaxText = 2000;

    public static void Map(RouteGroupBuilder v1)
    {
        Describe(v1.MapPost("/cases/{caseId:int}/plan", Draft), "draftPlan", "Drafts the one plan of a coordinated case (R3: the case's coordinator or case holder).");
        Describe(v1.MapPost("/cases/{caseId:int}/plan/goals", SetGoal), "setPlanGoal", "Sets a goal for the family (R3).");
        Describe(v1.MapPost("/cases/{caseId:int}/plan/actions", AgreeAction), "agreePlanAction", "Agrees an action: which organisation and professional do what for which goal, by when (R3).");
        Describe(v1.MapPost("/cases/{caseId:int}/plan/actions/{actionNumber:int}/completions", CompleteAction), "completePlanAction", "Records that an action was done (R3).");
        Describe(v1.MapPost("/cases/{caseId:int}/plan/reviews", Review), "reviewPlan", "Reviews the plan: progress per goal and the goals reached (R3).");
        Describe(v1.MapPost("/cases/{caseId:int}/plan/escalation-checks", CheckEscalation), "checkPlanEscalation", "Moves the plan one step on the escalation ladder when it stalls, or down when it moves again; the daily check, on demand (R3).");
        Describe(v1.MapPost("/cases/{caseId:int}/plan/enforcement-orders", OrderEnforcement), "recordEnforcementOrder", "Records the municipality's enforcement order on a plan escalated to the municipality, as the municipal official decided it (R3).");
    }

    private static void Describe(RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.RequireAuthorization(p => p.AddRequirements(ServiceRule.CaseWork))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName(name)
            .WithSummary(summary);

    private static async Task<Created<PlanResponse>> Draft(int caseId, HttpContext context, PersonDataAccess access)
    {
        var plan = await access.DraftPlanAsync(Caller.Actor(context), new CaseId(caseId), context.RequestAborted);
        return TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/v1/cases/{caseId}/plan"), PlanResponse.Of(plan));
    }

    private static Task<Ok<PlanResponse>> SetGoal(int caseId, PlanGoalRequest request, HttpContext context, PersonDataAccess access)
    {
        var description = Text(request.Description, "goal");
        return Change(context, caseId, request.ExpectedVersion, access, (plan, by, at) => plan.SetGoal(description, by, at));
    }

    private static Task<Ok<PlanResponse>> AgreeAction(int caseId, PlanActionRequest request, HttpContext context, PersonDataAccess access)
    {
        var description = Text(request.Description, "action");
        if (!Enum.IsDefined(request.Kind) || request.Goal < 1 || request.Owner.IsDefault || request.Professional.IsDefault)
        {
            throw new ArgumentException("An action names its goal's number, its kind (Help or Feedback), the owning organisation and the professional who does it.");
        }

        return Change(context, caseId, request.ExpectedVersion, access, (plan, by, at) =>
            plan.AgreeAction(request.Goal, request.Kind, description, request.Owner, request.Professional, request.Due, by, at));
    }

    private static Task<Ok<PlanResponse>> CompleteAction(int caseId, int actionNumber, PlanVersionRequest request, HttpContext context, PersonDataAccess access) =>
        actionNumber < 1
            ? throw new ArgumentException("An action's number is 1 or more.")
            : Change(context, caseId, request.ExpectedVersion, access, (plan, by, at) => plan.CompleteAction(actionNumber, by, at));

    private static Task<Ok<PlanResponse>> Review(int caseId, PlanReviewRequest request, HttpContext context, PersonDataAccess access)
    {
        if (request.Progress.Any(p => p.Key < 1 || string.IsNullOrWhiteSpace(p.Value) || p.Value.Length > MaxText) || request.Reached.Any(r => r < 1))
        {
            throw new ArgumentException($"A review gives progress per goal number (1 or more) in 1 to {MaxText} characters, and the numbers of the goals reached.");
        }

        return Change(context, caseId, request.ExpectedVersion, access, (plan, by, at) => plan.Review(request.Progress, request.Reached, by, at));
    }

    private static Task<Ok<PlanResponse>> CheckEscalation(int caseId, PlanVersionRequest request, HttpContext context, PersonDataAccess access, PlanBook plans) =>
        Change(context, caseId, request.ExpectedVersion, access, (plan, by, at) => plan.AdvanceEscalation(plans.Today, plans.Policy, by, at));

    private static Task<Ok<PlanResponse>> OrderEnforcement(int caseId, EnforcementOrderRequest request, HttpContext context, PersonDataAccess access)
    {
        var order = new EnforcementOrder(request.Provider, Text(request.Ordered, "order"), request.By, request.DecidedBy);
        return Change(context, caseId, request.ExpectedVersion, access, (plan, by, at) => plan.OrderEnforcement(order, by, at));
    }

    private static async Task<Ok<PlanResponse>> Change(HttpContext context, int caseId, int expectedVersion, PersonDataAccess access, Func<FamilyPlan, ProfessionalId, Instant, FamilyPlan> change)
    {
        if (expectedVersion < 1)
        {
            throw new ArgumentException("The expectedVersion is the plan's version the change was made on (1 or more).");
        }

        var plan = await access.ChangePlanAsync(Caller.Actor(context), new CaseId(caseId), expectedVersion, change, context.RequestAborted);
        return TypedResults.Ok(PlanResponse.Of(plan));
    }

    private static string Text(string text, string what) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxText ? throw new ArgumentException($"The {what} is described in 1 to {MaxText} characters.") : text;
}
