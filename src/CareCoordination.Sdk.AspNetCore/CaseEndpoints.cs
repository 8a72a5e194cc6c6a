using System;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Consents and legal bases, recorded on a case by its coordinator or case holder: the case is read through
/// <see cref="PersonDataAccess"/> (rule R3, audited), the youth must be one the case concerns, and the write itself
/// leaves an audit record.
/// </summary>
internal static class CaseEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/cases/{caseId:int}/consents", GiveConsent)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .Produces<Consent>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("recordConsent")
            .WithSummary("Records the family's consent to share, by purpose and recipients (R3: the case's coordinator or case holder).");
        v1.MapDelete("/cases/{caseId:int}/consents/{consent:int}", WithdrawConsent)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .Produces<Consent>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("withdrawConsent")
            .WithSummary("Withdraws a consent of a youth of the case; with expectedVersion, refused (409) when someone changed it since (R3: the case's coordinator or case holder).");
        v1.MapPost("/cases/{caseId:int}/legal-bases", RecordLegalBasis)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PersonData))
            .Produces<LegalBasisRecord>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("recordLegalBasis")
            .WithSummary("Records a legal basis to share without consent, flagged for review (R3: the case's coordinator or case holder).");
    }

    private static async System.Threading.Tasks.Task<Microsoft.AspNetCore.Http.HttpResults.Ok<Consent>> GiveConsent(int caseId, ConsentRequest request, HttpContext context, PersonDataAccess access)
    {
        var actor = Caller.Actor(context);
        var youth = YouthOfCase(actor, caseId, request.Bsn, access);
        if (request.Recipients is null || request.Recipients.Count == 0)
        {
            throw new ArgumentException("Name at least one recipient organisation.");
        }

        return TypedResults.Ok(await access.GiveConsentAsync(actor, new CaseId(caseId), new Youth(youth, request.DateOfBirth), request.Purpose, request.Recipients, request.GivenBy, request.End, context.RequestAborted));
    }

    private static async System.Threading.Tasks.Task<Microsoft.AspNetCore.Http.HttpResults.Ok<LegalBasisRecord>> RecordLegalBasis(int caseId, LegalBasisRequest request, HttpContext context, PersonDataAccess access)
    {
        var actor = Caller.Actor(context);
        var youth = YouthOfCase(actor, caseId, request.Bsn, access);
        if (request.ValidForDays is < 1 or > 365 || string.IsNullOrWhiteSpace(request.Justification) || request.Recipients is null || request.Recipients.Count == 0)
        {
            throw new ArgumentException("A legal basis needs a justification, at least one recipient and a validity of 1 to 365 days.");
        }

        return TypedResults.Ok(await access.RecordLegalBasisAsync(actor, new CaseId(caseId), youth, request.Basis, request.Justification, request.Recipients, Duration.FromDays(request.ValidForDays), context.RequestAborted));
    }

    private static async System.Threading.Tasks.Task<Microsoft.AspNetCore.Http.HttpResults.Ok<Consent>> WithdrawConsent(int caseId, int consent, int? expectedVersion, HttpContext context, PersonDataAccess access) =>
        TypedResults.Ok(await access.WithdrawConsentAsync(Caller.Actor(context), new CaseId(caseId), consent, expectedVersion, context.RequestAborted));

    private static Bsn YouthOfCase(Actor actor, int caseId, Bsn youth, PersonDataAccess access)
    {
        if (youth.IsDefault)
        {
            throw new ArgumentException("The bsn is missing.");
        }

        return access.GetCaseYouths(actor, new CaseId(caseId)).Contains(youth) ? youth : throw new ArgumentException($"The youth is not one that case-{caseId} concerns.");
    }
}
