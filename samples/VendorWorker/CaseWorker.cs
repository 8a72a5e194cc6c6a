using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VendorWorker;

/// <summary>
/// Takes up the case a match of one of the worker's own signals opened, through the client: brings the concern in
/// (intake: opens the family's case or joins it), becomes case holder (<em>casushouder</em>) when the case waits for
/// one, and assesses it with the version it saw, on behalf of the organisation's care coordinator. Each case once (cases.txt); the service refuses what another
/// professional changed first, and the worker logs the refusal instead of overwriting.
/// </summary>
internal sealed partial class CaseWorker(CareCoordinationClient client, WorkerState state, Outbox outbox, ILogger<CaseWorker> logger) : BackgroundService
{
    private readonly Channel<SignalId> _matched = Channel.CreateUnbounded<SignalId>();

    /// <summary>Queues a matched signal of the worker's organisation.</summary>
    public ValueTask EnqueueAsync(SignalId signal, CancellationToken cancellationToken) => _matched.Writer.WriteAsync(signal, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var signal in _matched.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            // The match is stored before the registration's receipt reaches the outbox, so its notification may come
            // first: wait for the receipt, which names the outbox entry and so the youth.
            string? entry;
            while ((entry = state.EntryOf(signal.Value)) is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken).ConfigureAwait(false);
            }

            if (outbox.YouthOf(entry) is { } youth)
            {
                await TakeUpAsync(youth, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task TakeUpAsync(Youth youth, CancellationToken cancellationToken)
    {
        // The requests below go with the care coordinator's token (see Program's token source), and so do their retries.
        ActingProfessional.IsCareCoordinator.Value = true;
        try
        {
            var intake = await client.TakeInAsync([youth.Bsn], IntakeRoute.ReferenceIndex, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (intake.Status != CaseStatus.AwaitingCaseHolder || !state.FirstCaseWork(intake.Case.Value))
            {
                WorkedElsewhere(logger, intake.Case.Value, intake.Status);
                return;
            }

            var held = await client.NameCaseHolderAsync(intake.Case, youth.Bsn, cancellationToken: cancellationToken).ConfigureAwait(false);

            // The assessment names the version the worker saw: a colleague's change in between is a 409, not overwritten.
            var assessment = new CaseAssessment(ProblemDomains.School | ProblemDomains.Parenting, ProblemDomains.School, safetyThreatened: false);
            var decision = await client.AssessAsync(intake.Case, assessment, held.Version, cancellationToken).ConfigureAwait(false);
            TakenUp(logger, intake.Case.Value, decision.Tier);
        }
        catch (CareCoordinationApiException refused)
        {
            // The service explains a refusal (a case another professional changed first, an access rule); no BSN in it.
            Refused(logger, refused.Status, refused.Detail ?? refused.Title);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Case} is {Status}: worked by another professional, or by this worker before")]
    private static partial void WorkedElsewhere(ILogger logger, int @case, CaseStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Case} taken up: case holder, assessed as tier {Tier}")]
    private static partial void TakenUp(ILogger logger, int @case, CoordinationTier tier);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case work refused ({Status}): {Detail}")]
    private static partial void Refused(ILogger logger, int status, string? detail);
}
