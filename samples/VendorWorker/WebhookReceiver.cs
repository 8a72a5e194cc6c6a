using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace VendorWorker;

/// <summary>
/// Receives the service's signed webhooks when <see cref="WorkerSettings.WebhookListenUrl"/> is set: a small Kestrel
/// endpoint at <see cref="Path"/> that verifies the signature on the raw body with
/// <see cref="CareCoordinationWebhook.Verify"/> (refusing a forged or stale request with 401), reads the notification,
/// and answers 204 only after the <see cref="NotificationHandler"/> stored it, so that the service retries until then.
/// </summary>
internal sealed partial class WebhookReceiver(WorkerSettings settings, NotificationHandler handler, WorkerState state, IClock clock, ILogger<WebhookReceiver> logger) : BackgroundService
{
    /// <summary>The path the region's webhook subscription names, after <see cref="WorkerSettings.WebhookListenUrl"/>.</summary>
    public const string Path = "/care-coordination/notifications";

    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.WebhookListenUrl is not { Length: > 0 } url)
        {
            return;
        }

        var secret = Convert.FromBase64String(settings.WebhookSecret ?? throw new InvalidOperationException("Set Worker:WebhookSecret (Base64) with Worker:WebhookListenUrl."));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        // The worker logs what it receives; the endpoint's own request logging would repeat it for every webhook.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapPost(Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            // Verified on the raw body, before it is parsed.
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            var headers = request.Headers;
            var id = headers[CareCoordinationWebhook.IdHeader].ToString();
            if (!CareCoordinationWebhook.Verify(secret, id, headers[CareCoordinationWebhook.TimestampHeader], headers[CareCoordinationWebhook.SignatureHeader], body, clock.GetCurrentInstant().ToDateTimeOffset(), Tolerance))
            {
                Forged(logger);
                return Results.Unauthorized();
            }

            state.WebhookReceived(id);
            await handler.HandleAsync(CareCoordinationWebhook.Read(body), "webhook", cancellationToken).ConfigureAwait(false);
            return Results.NoContent();
        });
        await app.StartAsync(stoppingToken).ConfigureAwait(false);
        Listening(logger, url, Path);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host stops: stop listening too.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for webhooks at {Url} on {Path}")]
    private static partial void Listening(ILogger logger, string url, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook whose signature or timestamp does not verify")]
    private static partial void Forged(ILogger logger);
}
