using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the typed client of the regional reference index service.</summary>
public static class CareCoordinationClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CareCoordinationClient"/> as a typed <see cref="HttpClient"/> with the access token on every
    /// request and the standard resilience handler (retries with backoff on 5xx, 408, 429 and network failures, a
    /// circuit breaker, timeouts long enough for the feed's long poll). Retries are safe because every registration
    /// carries an idempotency key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the service's address and the token source.</param>
    /// <returns>The client's builder, for the host's own handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddCareCoordinationClient(this IServiceCollection services, Action<CareCoordinationClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        services.AddTransient<AccessTokenHandler>();
        var builder = services.AddHttpClient<CareCoordinationClient>((provider, http) =>
            http.BaseAddress = provider.GetRequiredService<IOptions<CareCoordinationClientOptions>>().Value.BaseAddress
                ?? throw new InvalidOperationException("Set CareCoordinationClientOptions.BaseAddress to the service's address."));
        builder.AddHttpMessageHandler<AccessTokenHandler>();
        builder.AddStandardResilienceHandler(o =>
        {
            // The feed's long poll waits up to 30 s; an attempt may take a little longer than that.
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(45);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(90);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
        });
        return builder;
    }

    /// <summary>Puts the current access token on every request.</summary>
    private sealed class AccessTokenHandler(IOptions<CareCoordinationClientOptions> options) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var source = options.Value.AccessToken ?? throw new InvalidOperationException("Set CareCoordinationClientOptions.AccessToken to the source of the access token.");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await source(cancellationToken).ConfigureAwait(false));
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
