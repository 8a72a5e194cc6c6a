using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace VendorWorker;

/// <summary>
/// Sends the (simulated) outbox: each entry is registered through the client with the entry's id as idempotency key,
/// and marked acknowledged only after the service's receipt. After a crash of either side the unacknowledged entries go
/// again with the same keys, so nothing is registered twice and nothing is lost.
/// </summary>
internal sealed partial class OutboxSender(CareCoordinationClient client, WorkerSettings settings, WorkerState state, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var youths = TestBsns.Generate(settings.Signals, settings.Seed);
        for (var i = 0; i < youths.Length; i++)
        {
            var entry = string.Create(CultureInfo.InvariantCulture, $"outbox-{settings.Seed}-{i}");
            var youth = new Youth(youths[i], new LocalDate(2014, 1, 1).PlusDays(i % 365));
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

        OutboxEmpty(logger, youths.Length);
        state.OutboxDone.Set();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Entry}: {Outcome}, {Matches} match(es)")]
    private static partial void Registered(ILogger logger, string entry, RegistrationOutcome outcome, int matches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox entry {Entry} not acknowledged yet (attempt {Attempt}, {Error}); retrying with the same key")]
    private static partial void NotYet(ILogger logger, string entry, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox acknowledged: {Count} entries")]
    private static partial void OutboxEmpty(ILogger logger, int count);
}
