using System;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Signals;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VendorWorker;

/// <summary>
/// Sends the (simulated) outbox: each entry is registered through the client with the entry's id as idempotency key,
/// and marked acknowledged only after the service's receipt. After a crash of either side the unacknowledged entries go
/// again with the same keys, so nothing is registered twice and nothing is lost.
/// </summary>
internal sealed partial class OutboxSender(CareCoordinationClient client, Outbox outbox, WorkerState state, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (entry, youth) in outbox.Entries)
        {
            for (var attempt = 1; !state.IsAcknowledged(entry); attempt++)
            {
                try
                {
                    var receipt = await client.RegisterAsync(new SignalToRegister(youth, ReportingCriterion.SchoolAbsenceOrDropout), entry, stoppingToken).ConfigureAwait(false);
                    state.Acknowledge(entry, receipt.Signal.Value);
                    Registered(logger, entry, receipt.Outcome, receipt.MatchCount);
                }
                catch (Exception error) when (error is not OperationCanceledException && error is not CareCoordinationApiException { Status: >= 400 and < 500 and not 408 and not 429 })
                {
                    // The service is away (restarting, overloaded): the resilience handler gave up for now; try again later.
                    NotYet(logger, entry, attempt, error.GetType().Name);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 200 * attempt)), stoppingToken).ConfigureAwait(false);
                }
            }
        }

        OutboxEmpty(logger, outbox.Entries.Count);
        state.OutboxDone.Set();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Entry}: {Outcome}, {Matches} match(es)")]
    private static partial void Registered(ILogger logger, string entry, RegistrationOutcome outcome, int matches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {Entry} not acknowledged yet (attempt {Attempt}, {Error}); retrying with the same key")]
    private static partial void NotYet(ILogger logger, string entry, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox acknowledged: {Count} entries")]
    private static partial void OutboxEmpty(ILogger logger, int count);
}
