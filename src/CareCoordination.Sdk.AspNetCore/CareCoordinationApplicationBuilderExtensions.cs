using System;
using System.Threading.Tasks;
using CareCoordination.Sdk.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the regional reference index's middleware to a host's pipeline.</summary>
public static class CareCoordinationApplicationBuilderExtensions
{
    /// <summary>
    /// Adds, in order: the <c>API-Version</c> header and the security headers on every response, problem+json for every exception and every
    /// empty 4xx/5xx, the request body bound, authentication, the per-organisation rate limit, authorisation, and the replay of writes retried with their <c>Idempotency-Key</c> (kept in the SDK's store). Call it
    /// before <c>MapCareCoordination</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="app"/> is <see langword="null"/>.</exception>
    public static IApplicationBuilder UseCareCoordination(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[CareCoordinationApi.VersionHeader] = CareCoordinationApi.Version;

                // The security headers the API Design Rules ask of every response (/core/transport/security-headers).
                headers.CacheControl = "no-store";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Request.Path.Equals(CareCoordinationApi.OpenApiPath, StringComparison.Ordinal))
                {
                    // Anyone may read the API's description, from any site (/core/publish-openapi).
                    headers.AccessControlAllowOrigin = "*";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = Problems.HandleAsync });
        app.UseStatusCodePages(new StatusCodePagesOptions { HandleAsync = status => Problems.WriteStatusAsync(status.HttpContext) });
        var limit = app.ApplicationServices.GetRequiredService<IOptions<CareCoordinationServiceOptions>>().Value.MaxRequestBodyBytes;
        app.Use((context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                // The API Design Rules answer every invalid input with 400, an oversized body included.
                return Problems.WriteAsync(context, StatusCodes.Status400BadRequest, $"The request body is larger than {limit} bytes.");
            }

            // Kestrel enforces the bound on a body without Content-Length while it is read (a 400 through the exception handler).
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        var writes = app.ApplicationServices.GetRequiredService<IdempotentWrites>();
        app.Use(writes.InvokeAsync);
        return app;
    }
}
