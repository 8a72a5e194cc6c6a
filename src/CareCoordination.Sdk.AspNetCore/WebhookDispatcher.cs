using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Notifications;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Delivers each organisation's notification feed to its webhook: one POST per entry, in feed order, signed with the
/// organisation's secret, retried with exponential backoff until the receiver answers 2xx. The cursor moves past an
/// entry only after its delivery, so every entry arrives at least once; the receiver deduplicates by the entry's id.
/// </summary>
internal sealed partial class WebhookDispatcher(
    NotificationFeed feed,
    IHttpClientFactory clients,
    IOptions<CareCoordinationServiceOptions> options,
    IOptions<JsonOptions> json,
    IClock clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The name of the <see cref="HttpClient"/> that posts the webhooks.</summary>
    public const string ClientName = "CareCoordination.Webhooks";

    private const int PageSize = 100;

    /// <summary>Signs one attempt: the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, prefixed with the scheme's version.</summary>
    public static string Sign(ReadOnlySpan<byte> secret, string id, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(secret, content));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhooks = options.Value.Webhooks;
        if (webhooks.GroupBy(w => w.Organisation).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            // Two webhooks of one organisation would share one cursor file and each skip what the other delivered.
            throw new InvalidOperationException($"{twice.Key} has {twice.Count()} webhooks; an organisation has at most one.");
        }

        return Task.WhenAll(webhooks.Select(w => DeliverFeedAsync(w, stoppingToken)));
    }

    private async Task DeliverFeedAsync(WebhookSubscription webhook, CancellationToken stoppingToken)
    {
        var cursor = LoadCursor(webhook);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var page = await feed.ReadAsync(webhook.Organisation, cursor, PageSize, options.Value.MaxFeedWait, stoppingToken).ConfigureAwait(false);
                foreach (var entry in page.Notifications)
                {
                    if (!await DeliverAsync(webhook, entry, stoppingToken).ConfigureAwait(false))
                    {
                        return;
                    }

                    cursor = entry.Position;
                    SaveCursor(webhook, cursor);
                }

                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A store or disk fault must not stop the reference index itself: the webhook waits and reads again from
                // the cursor it holds, so an entry whose cursor was not saved is delivered again, never skipped.
                var delay = Backoff(++failures);
                LogFeedFailure(logger, e, webhook.Organisation.Value, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Posts one entry until the receiver accepts it; <see langword="false"/> only when the service stops first.</summary>
    private async Task<bool> DeliverAsync(WebhookSubscription webhook, FeedNotification entry, CancellationToken stoppingToken)
    {
        var body = JsonSerializer.Serialize(new FeedEntryResponse(entry.Id, entry.Position, entry.RecordedAt, entry.Notification), json.Value.SerializerOptions);
        var http = clients.CreateClient(ClientName);
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add(CareCoordinationApi.WebhookIdHeader, entry.Id);
                request.Headers.Add(CareCoordinationApi.WebhookTimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add(CareCoordinationApi.WebhookSignatureHeader, Sign(webhook.Secret, entry.Id, timestamp, body));
                using var response = await http.SendAsync(request, stoppingToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                failure = string.Create(CultureInfo.InvariantCulture, $"status {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                // A refused connection, a reset or the attempt's timeout: the receiver did not accept, so try again.
                failure = e.GetType().Name;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }

            var delay = Backoff(attempt);
            LogRetry(logger, entry.Id, webhook.Organisation.Value, attempt, failure, delay);
            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var first = options.Value.WebhookRetryDelay;
        var max = options.Value.WebhookMaxRetryDelay;
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        return first.TotalMilliseconds * factor >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(first.TotalMilliseconds * factor);
    }

    private string? CursorFile(WebhookSubscription webhook) =>
        options.Value.WebhookStateFolder is { Length: > 0 } folder
            ? Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"webhook-{webhook.Organisation.Value}.cursor"))
            : null;

    private long LoadCursor(WebhookSubscription webhook)
    {
        if (CursorFile(webhook) is not { } file || !File.Exists(file))
        {
            return 0;
        }

        if (long.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
        {
            return cursor;
        }

        // An unreadable cursor delivers the feed again from its start: duplicates the receiver drops, rather than gaps.
        LogUnreadableCursor(logger, webhook.Organisation.Value, file);
        return 0;
    }

    private void SaveCursor(WebhookSubscription webhook, long cursor)
    {
        if (CursorFile(webhook) is not { } file)
        {
            return;
        }

        // Written beside and moved over the old one, so that a crash leaves the old cursor or the new one, never half of one.
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file + ".tmp", cursor.ToString(CultureInfo.InvariantCulture));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook of organisation {Organisation} could not read its feed or save its cursor; reading again in {Delay}.")]
    private static partial void LogFeedFailure(ILogger logger, Exception exception, int organisation, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook cursor of organisation {Organisation} in {File} is unreadable; delivering its feed again from the start.")]
    private static partial void LogUnreadableCursor(ILogger logger, int organisation, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery of notification {Id} to organisation {Organisation} failed on attempt {Attempt} ({Failure}); retrying in {Delay}.")]
    private static partial void LogRetry(ILogger logger, string id, int organisation, int attempt, string failure, TimeSpan delay);
}
