using System;
using CareCoordination.Sdk.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the regional reference index's endpoints.</summary>
public static class CareCoordinationEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the API under <c>/v1</c> onto the SDK registered with <c>AddCareCoordination</c>: signals (register, batch,
    /// renew by registering again, withdraw), the organisation's notification feed, reads of person data through
    /// <c>PersonDataAccess</c>, cases (intake, case holder, assessment, assignment, handover, feedback) and their family
    /// plans (draft, goals, actions, reviews, escalation), families from the population register feed, consents and
    /// legal bases, subject access, the audit trail and the director's aggregates; and the OpenAPI document at
    /// <see cref="CareCoordinationApi.OpenApiPath"/>. Every endpoint needs a bearer token and is rate-limited per
    /// organisation; the OpenAPI document is public.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder (the application).</param>
    /// <returns>The group of <c>/v1</c> endpoints, for the host's own conventions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    public static RouteGroupBuilder MapCareCoordination(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi("/{documentName}/openapi.json").AllowAnonymous();
        var v1 = endpoints.MapGroup("/v1");
        v1.RequireAuthorization().RequireRateLimiting(CareCoordinationApi.RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        SignalEndpoints.Map(v1);
        NotificationEndpoints.Map(v1);
        PersonDataEndpoints.Map(v1);
        InformationObligationEndpoints.Map(v1);
        CaseEndpoints.Map(v1);
        CaseWorkEndpoints.Map(v1);
        PlanEndpoints.Map(v1);
        FamilyEndpoints.Map(v1);
        IdempotencyKeyMetadata.MarkWrites(v1);
        return v1;
    }
}
