using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Matching;
using Microsoft.Extensions.Logging;

namespace VendorWorker;

/// <summary>
/// Handles each match notification once, whichever way it came: the feed and a webhook carry the same id. With
/// <see cref="WorkerSettings.CaseWorkAccessToken"/>, a match of one of the worker's own signals goes to the <see cref="CaseWorker"/>.
/// </summary>
internal sealed partial class NotificationHandler(WorkerSettings settings, WorkerState state, CaseWorker cases, ILogger<NotificationHandler> logger)
{
    /// <summary>Handles the notification unless its id was handled before; returns once it is stored.</summary>
    public async Task HandleAsync(ReceivedNotification notification, string channel, CancellationToken cancellationToken)
    {
        if (!state.FirstTime(notification.Id))
        {
            return;
        }

        Received(logger, notification.Id, channel, notification.Role, notification.OtherParties.Count);
        if (settings.CaseWorkAccessToken is not null && notification.Role == NotificationRecipientRole.Reporter)
        {
            await cases.EnqueueAsync(notification.Signal, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Id} via {Channel} as {Role}: {Parties} other party(ies) to contact")]
    private static partial void Received(ILogger logger, string id, string channel, NotificationRecipientRole role, int parties);
}
