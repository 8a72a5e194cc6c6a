using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Every read of person data, each through <see cref="PersonDataAccess"/>: it applies the rules R1–R7 and writes one
/// audit record, with the access point, for every read or refusal. A BSN travels only in a POST body.
/// </summary>
internal static class PersonDataEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/signals/search", (PersonSearchRequest request, HttpContext context, PersonDataAccess access) =>
                TypedResults.Ok(access.GetSignals(Caller.Actor(context), Checked(request.Bsn))))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .WithMetadata(IdempotencyKeyMetadata.NotAWrite)
            .WithName("searchSignals")
            .WithSummary("The active signals on a youth that the caller may see (R1 own signals, R4 shared details).");
        v1.MapPost("/match-contacts/search", (PersonSearchRequest request, HttpContext context, PersonDataAccess access, MatchNotifier notifier) =>
                TypedResults.Ok(access.GetMatchContacts(Caller.Actor(context), Checked(request.Bsn), notifier)))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .WithMetadata(IdempotencyKeyMetadata.NotAWrite)
            .WithName("searchMatchContacts")
            .WithSummary("The other parties matched with the caller's organisation on a youth (R2 match contacts).");
        v1.MapPost("/information-obligations/search", (PersonSearchRequest request, HttpContext context, PersonDataAccess access) =>
                TypedResults.Ok(access.GetInformationObligations(Caller.Actor(context), Checked(request.Bsn))))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .WithMetadata(IdempotencyKeyMetadata.NotAWrite)
            .WithName("searchInformationObligations")
            .WithSummary("The information obligations of the caller's organisation's signals on a youth (R1).");
        v1.MapGet("/cases/{caseId:int}", (int caseId, HttpContext context, PersonDataAccess access) =>
                TypedResults.Ok(CaseResponse.Of(access.GetCase(Caller.Actor(context), new CaseId(caseId)))))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getCase")
            .WithSummary("A coordination case, for its coordinator or case holder (R3).");
        v1.MapGet("/cases/{caseId:int}/plan", (int caseId, HttpContext context, PersonDataAccess access) =>
                access.GetPlan(Caller.Actor(context), new CaseId(caseId)) is { } plan
                    ? Results.Ok(PlanResponse.Of(plan))
                    : Problems.Of(StatusCodes.Status404NotFound, $"Case {caseId} has no plan yet."))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .Produces<PlanResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("getPlan")
            .WithSummary("The family plan of a case, for its coordinator or case holder (R3).");
        v1.MapPost("/subject-access-requests", async (SubjectAccessRequest request, HttpContext context, PersonDataAccess access) =>
                Results.Text(await access.SubjectAccessAsync(Caller.Actor(context), new Youth(Checked(request.Bsn), request.DateOfBirth), Caller.Requester(context, request.RequestedBy), context.RequestAborted), "application/json"))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.SubjectAccess))
            .Produces<string>(StatusCodes.Status200OK, "application/json")
            .WithMetadata(IdempotencyKeyMetadata.NotAWrite)
            .WithName("requestSubjectAccess")
            .WithSummary("Everything registered about a youth and who looked at it, as JSON (R7 subject access).");
        v1.MapGet("/audit-trail", (HttpContext context, PersonDataAccess access) =>
            {
                var (records, verification) = access.GetAuditTrail(Caller.Actor(context));
                return TypedResults.Ok(new AuditTrailResponse(records, verification));
            })
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.AuditTrail))
            .WithName("getAuditTrail")
            .WithSummary("The audit trail and the check of its hash chain, for auditors (R6).");
        v1.MapPost("/audit-trail/key-rotations", (HttpContext context, AuditTrail trail) =>
            {
                try
                {
                    return Results.Ok(trail.RotateKeys(Caller.Actor(context)));
                }
                catch (System.InvalidOperationException newest)
                {
                    // The trail already uses the newest keys the host configured: nothing to rotate to.
                    return Problems.Of(StatusCodes.Status409Conflict, newest.Message);
                }
            })
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.AuditTrail))
            .Produces<AuditRecord>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("rotateAuditKeys")
            .WithSummary("Moves the audit trail to the newest keys the host configured, with a chained rotation record (R6: a privacy officer); 409 when it uses them already.");
        v1.MapGet("/coordination-overview", (HttpContext context, PersonDataAccess access) =>
            {
                var (coordination, plans) = access.GetOverview(Caller.Actor(context));
                return TypedResults.Ok(new OverviewResponse(coordination, plans));
            })
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.Aggregates))
            .WithName("getCoordinationOverview")
            .WithSummary("The director's aggregates, without BSN (R5).");
    }

    private static Bsn Checked(Bsn bsn) => bsn.IsDefault ? throw new System.ArgumentException("The bsn is missing.") : bsn;
}
