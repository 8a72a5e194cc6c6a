using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using CareCoordination.Sdk.AspNetCore;
using CareCoordination.Sdk.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the regional reference index's HTTP service: authentication, access rules, rate limiting, JSON, problem details and OpenAPI.</summary>
public static class CareCoordinationHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>app.UseCareCoordination()</c> and <c>app.MapCareCoordination()</c> need: OAuth2 JWT bearer
    /// authentication (the organisation, the professional and the role come from the token's claims,
    /// <see cref="CareCoordinationClaims"/>), the access rules as authorisation policies, a token-bucket rate limit per
    /// organisation, lowerCamelCase JSON in the SDK's shapes that refuses unknown and missing members, problem details,
    /// and the OpenAPI document. Register the SDK itself with <c>AddCareCoordination</c> as well.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the service's options.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddCareCoordinationHttp(this IServiceCollection services, Action<CareCoordinationServiceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            var json = o.SerializerOptions;
            CareCoordinationJson.Configure(json);
            json.TypeInfoResolverChain.Insert(0, CareCoordinationJson.TypeInfoResolver);
            json.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.RespectRequiredConstructorParameters = true;
            json.RespectNullableAnnotations = true;
        });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<CareCoordinationServiceOptions>>((jwt, service) =>
        {
            var o = service.Value;
            jwt.Authority = o.Authority;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = o.Issuer,
                ValidAudience = o.Audience,
                IssuerSigningKeys = o.SigningKeys,
                NameClaimType = CareCoordinationClaims.Subject,
                RoleClaimType = CareCoordinationClaims.Role,
            };
        });
        services.AddAuthorization();
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CareCoordinationServiceOptions>>((limiter, service) =>
        {
            var permits = service.Value.RequestsPerMinutePerOrganisation;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => new System.Threading.Tasks.ValueTask(Problems.WriteAsync(
                context.HttpContext,
                StatusCodes.Status429TooManyRequests,
                string.Create(CultureInfo.InvariantCulture, $"The organisation made more than {permits} requests in a minute; wait and retry.")));
            limiter.AddPolicy(CareCoordinationApi.RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirst(CareCoordinationClaims.Organisation)?.Value ?? "anonymous:" + context.Connection.RemoteIpAddress,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = permits,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });

        services.AddOpenApi("v1", OpenApiConventions.Apply);

        // The webhooks post from a background service; without subscriptions it ends at once.
        services.AddHttpClient(WebhookDispatcher.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<WebhookDispatcher>();
        // The idempotency memory reads itself from the store at start, so that a damaged one stops the service there.
        services.TryAddSingleton<IdempotentWrites>();
        services.AddHostedService(provider => provider.GetRequiredService<IdempotentWrites>());
        return services;
    }
}
