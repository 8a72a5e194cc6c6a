using System;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VendorWorker;

/// <summary>
/// Consumes the organisation's notification feed with a long poll: hands each notification to the
/// <see cref="NotificationHandler"/> (which deduplicates by id, also against the webhooks), then stores the cursor. With
/// webhooks the feed still runs: it catches up on what arrived while the worker was down. With <see cref="WorkerSettings.StopWhenDone"/> it stops the host once the outbox is
/// acknowledged and a read after that found nothing new.
/// </summary>
internal sealed partial class NotificationConsumer(CareCoordinationClient client, NotificationHandler handler, WorkerSettings settings, WorkerState state, IHostApplicationLifetime lifetime, ILogger<NotificationConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = state.Cursor;
        while (!stoppingToken.IsCancellationRequested)
        {
            var outboxDone = state.OutboxDone.Task.IsCompleted;
            NotificationPage page;
            try
            {
                page = await client.ReadNotificationsAsync(cursor, 100, TimeSpan.FromSeconds(outboxDone ? 1 : settings.FeedWaitSeconds), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Unavailable(logger, error.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken).ConfigureAwait(false);
                continue;
            }

            foreach (var notification in page.Notifications)
            {
                await handler.HandleAsync(notification, "feed", stoppingToken).ConfigureAwait(false);
            }

            state.SaveCursor(cursor = page.Cursor);
            if (settings.StopWhenDone && outboxDone && page.Notifications.Count == 0)
            {
                Done(logger, cursor);
                lifetime.StopApplication();
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The feed is not reachable ({Error}); reading again from the same cursor")]
    private static partial void Unavailable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox acknowledged and feed read up to {Cursor}; stopping")]
    private static partial void Done(ILogger logger, long cursor);
}
