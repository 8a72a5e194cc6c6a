using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>Answers 401 and 403 as problem+json; a 403 names the access rule that refused.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            await Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Every request needs a valid OAuth2 bearer token (JWT) from the region's authorisation server.", "S0 authentication").ConfigureAwait(false);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var rule = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ServiceRule>().FirstOrDefault();
            var detail = rule is null ? "The credential does not allow this request." : $"Refused by access rule {rule.Name}: {rule.Description}.";
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, detail, rule?.Name).ConfigureAwait(false);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
