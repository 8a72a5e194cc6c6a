using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>The organisation's notification feed: cursor-based, with a long poll; the organisation comes from the credential.</summary>
internal static class NotificationEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapGet("/notifications", ReadAsync)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.NotificationFeed))
            .Produces<FeedResponse>()
            .WithName("readNotifications")
            .WithSummary("Reads the organisation's match notifications after a cursor, waiting up to 'wait' seconds for a first one; delivered at least once, deduplicate by id.");

    private static async Task<IResult> ReadAsync(HttpContext context, NotificationFeed feed, IOptions<CareCoordinationServiceOptions> options, long after = 0, int limit = 100, int wait = 0)
    {
        var maxWait = (int)options.Value.MaxFeedWait.TotalSeconds;
        if (after < 0 || limit is < 1 or > NotificationFeed.MaxPageSize || wait < 0 || wait > maxWait)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, $"Read with after >= 0, limit 1 to {NotificationFeed.MaxPageSize} and wait 0 to {maxWait} seconds.");
        }

        var page = await feed.ReadAsync(Caller.Organisation(context), after, limit, TimeSpan.FromSeconds(wait), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new FeedResponse(
            [.. page.Notifications.Select(n => new FeedEntryResponse(n.Id, n.Position, n.RecordedAt, n.Notification))],
            page.Cursor,
            page.HasMore));
    }
}
