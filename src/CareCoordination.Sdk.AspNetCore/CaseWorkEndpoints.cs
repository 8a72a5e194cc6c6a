using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// The work on a coordination case through the door, <see cref="PersonDataAccess"/>: intake, the case holder, the
/// assessment (tier), the coordinator's assignment, the handover to youth protection and its feedback. Who acts comes
/// from the credential; the door decides each change (R3, R9, R12, R13) and gives every youth of the case an audit
/// record in the change's own commit.
/// </summary>
internal static class CaseWorkEndpoints
{
    /// <summary>The most youths one intake names: a family, not a list.</summary>
    public const int MaxIntakeYouths = 20;

    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/case-intakes", Intake)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.CaseWork))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("takeInCase")
            .WithSummary("Brings a concern about one or more youths in through an intake route: opens the family's case, or joins the open case that handles it (one case per family).");
        v1.MapPut("/cases/{caseId:int}/case-holder", NameCaseHolder)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.CaseWork))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("nameCaseHolder")
            .WithSummary("Names the caller case holder of a case its organisation is involved in (R12: the youth in the body shows the involvement).");
        v1.MapPost("/cases/{caseId:int}/assessments", Assess)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.CaseWork))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("assessCase")
            .WithSummary("Decides the case's tier from an assessment, with its reasons (R3: the case's coordinator or case holder).");
        v1.MapPost("/cases/{caseId:int}/coordinator-assignments", Assign)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.CoordinatorAssignment))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("assignCoordinator")
            .WithSummary("Assigns the best coordinator from the pool to a case that waits for one, or the coordinator named; when nobody can take it, the case waits with the reason (S5, R13: the coordination director).");
        v1.MapPost("/cases/{caseId:int}/handovers", HandOver)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.CaseWork))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("handOverCase")
            .WithSummary("Hands coordination over to youth protection with its record (R3: the case's coordinator or case holder).");
        v1.MapPost("/cases/{caseId:int}/feedback-reports", RecordFeedback)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.CaseWork))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("recordFeedback")
            .WithSummary("Records that youth protection reported back to the caller's organisation on a handed-over case (R12: the youth in the body shows the involvement).");
    }

    private static async Task<Ok<IntakeResult>> Intake(IntakeRequest request, HttpContext context, PersonDataAccess access)
    {
        if (request.Youths.Count is 0 or > MaxIntakeYouths || request.Youths.Any(y => y.IsDefault))
        {
            throw new ArgumentException($"An intake names 1 to {MaxIntakeYouths} youths, each by a valid BSN.");
        }

        if (!Enum.IsDefined(request.Route))
        {
            throw new ArgumentException("The route is not one the API knows.");
        }

        if (request.Meeting is { } meeting && (string.IsNullOrWhiteSpace(meeting) || meeting.Length > 200))
        {
            throw new ArgumentException("A meeting is named in 1 to 200 characters, or left out for the policy's default.");
        }

        // The door decides (R9: in the caller's own organisation's name) and gives every youth an audit record in the intake's commit.
        var result = await access.TakeInAsync(Caller.Actor(context), CaseIntake.ForYouths(request.Route, request.Youths, Caller.Organisation(context), request.Meeting), context.RequestAborted);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<CaseResponse>> NameCaseHolder(int caseId, CaseHolderRequest request, HttpContext context, PersonDataAccess access)
    {
        var actor = Caller.Actor(context);
        var id = InvolvedCase(actor, caseId, request.Bsn, access);

        // The door decides (R12: an involved organisation, in its own name) and records every youth of the case in the change's commit.
        var named = await access.NameCaseHolderAsync(actor, id, request.ExpectedVersion, context.RequestAborted);
        return TypedResults.Ok(CaseResponse.Of(named));
    }

    private static async Task<Ok<TierDecision>> Assess(int caseId, AssessmentRequest request, HttpContext context, PersonDataAccess access)
    {
        var domains = ProblemDomains.None;
        foreach (var domain in request.ProblemDomains)
        {
            domains |= OneDomain(domain);
        }

        var assessment = new CaseAssessment(domains, OneDomain(request.CoreProblem), request.SafetyThreatened, request.Measure, request.InvolvedOrganisations);
        var decision = await access.AssessCaseAsync(Caller.Actor(context), new CaseId(caseId), assessment, request.ExpectedVersion, context.RequestAborted);
        return TypedResults.Ok(decision);
    }

    private static async Task<Ok<AssignmentResponse>> Assign(int caseId, AssignmentRequest request, HttpContext context, PersonDataAccess access)
    {
        var actor = Caller.Actor(context);
        var id = new CaseId(caseId);
        var decision = request.Coordinator is { } chosen
            ? await access.AssignChosenCoordinatorAsync(actor, id, chosen, request.ExpectedVersion, context.RequestAborted)
            : await access.AssignCoordinatorAsync(actor, id, request.ExpectedVersion, context.RequestAborted);
        return TypedResults.Ok(AssignmentResponse.Of(decision));
    }

    private static async Task<Ok<CaseResponse>> HandOver(int caseId, HandoverRequest request, HttpContext context, PersonDataAccess access)
    {
        if (request.FeedbackIntervalDays is < 1 or > 365)
        {
            throw new ArgumentException("Youth protection reports back every 1 to 365 days.");
        }

        var handover = new Handover(request.YouthProtection, request.Measure, request.Agreements, request.InvolvedOrganisations, Duration.FromDays(request.FeedbackIntervalDays));
        var after = await access.HandOverToYouthProtectionAsync(Caller.Actor(context), new CaseId(caseId), handover, request.ExpectedVersion, context.RequestAborted);
        return TypedResults.Ok(CaseResponse.Of(after));
    }

    private static async Task<NoContent> RecordFeedback(int caseId, FeedbackRequest request, HttpContext context, PersonDataAccess access)
    {
        var actor = Caller.Actor(context);
        var id = InvolvedCase(actor, caseId, request.Bsn, access);
        await access.RecordFeedbackAsync(actor, id, request.ExpectedVersion, context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>The case, when the open case that handles the youth is this one and involves the caller's organisation (R3, audited).</summary>
    private static CaseId InvolvedCase(Actor actor, int caseId, Bsn youth, PersonDataAccess access)
    {
        var id = new CaseId(caseId);
        if (youth.IsDefault)
        {
            throw new ArgumentException("The bsn is missing.");
        }

        return access.WhichCaseHandles(actor, youth).Case == id ? id : throw new ArgumentException($"The youth is not one that {id} handles.");
    }

    private static ProblemDomains OneDomain(ProblemDomains domain) =>
        domain != ProblemDomains.None && Enum.IsDefined(domain) ? domain : throw new ArgumentException("Each problem domain is one of the domains the API knows, named on its own.");
}
