using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// The information obligation of a signal (domain rule 3): its reporting organisation records that it informed the
/// youth or the parents, or why it has not yet. Through <see cref="PersonDataAccess"/> (rule R1: only the signal's own
/// organisation), audited; the signal travels by its number, never by a BSN.
/// </summary>
internal static class InformationObligationEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/signals/{signalId:long}/informing-records", (long signalId, InformedRequest request, HttpContext context, PersonDataAccess access) =>
                TypedResults.Ok(access.RecordInformed(Caller.Actor(context), SignalOf(signalId), request.Informed)))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.Registering))
            .Produces<InformationObligation>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("recordInformed")
            .WithSummary("Records that the organisation informed the youth, the parents, or both of its signal (R1: the signal's own organisation).");
        v1.MapPost("/signals/{signalId:long}/informing-postponements", (long signalId, PostponementRequest request, HttpContext context, PersonDataAccess access) =>
                TypedResults.Ok(access.RecordPostponed(Caller.Actor(context), SignalOf(signalId), request.Reason)))
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.Registering))
            .Produces<InformationObligation>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("recordInformingPostponed")
            .WithSummary("Records why the organisation has not yet informed the youth or the parents of its signal, for example that it would endanger the child (R1).");
    }

    private static SignalId SignalOf(long signalId) =>
        signalId > 0 ? new SignalId(signalId) : throw new System.ArgumentException("A signal number is positive.");
}
