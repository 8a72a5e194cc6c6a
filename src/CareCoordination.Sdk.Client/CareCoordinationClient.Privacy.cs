using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Client;

// Consents, the information obligation of the organisation's own signals, and the audit trail's keys. Each change
// carries an idempotency key of its own call, so the resilience handler's retry gets the first answer back.
public sealed partial class CareCoordinationClient
{
    /// <summary>Withdraws a consent of a youth of a case; the caller is the case's coordinator or case holder (R3).</summary>
    /// <param name="case">The case.</param>
    /// <param name="consent">The consent's number.</param>
    /// <param name="expectedVersion">The consent's version the caller saw, or <see langword="null"/> to withdraw whatever it is now.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the consent is withdrawn.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused: 403 (R3) outside the case, 404 for an unknown consent, 409 when someone changed it since the version given.</exception>
    public Task WithdrawConsentAsync(CaseId @case, int consent, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var path = CasePath(@case, string.Create(CultureInfo.InvariantCulture, $"consents/{consent}"));
        if (expectedVersion is { } version)
        {
            path += string.Create(CultureInfo.InvariantCulture, $"?expectedVersion={version}");
        }

        return ExchangeAsync<PlanVersionBody>(HttpMethod.Delete, path, null, null, NewKey(), cancellationToken);
    }

    /// <summary>Records that the organisation informed the youth, the parents, or both of its signal (domain rule 3, R1).</summary>
    /// <param name="signal">The organisation's signal.</param>
    /// <param name="informed">Who was informed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused: 403 (R1) for another organisation's signal, 404 when no obligation is tracked for it.</exception>
    public Task RecordInformedAsync(SignalId signal, ConsentGiver informed, CancellationToken cancellationToken = default) =>
        ExchangeAsync(HttpMethod.Post, SignalPath(signal, "informing-records"), new InformedBody(informed), Json.InformedBody, NewKey(), cancellationToken);

    /// <summary>Records why the organisation has not yet informed the youth or the parents of its signal (domain rule 3, R1).</summary>
    /// <param name="signal">The organisation's signal.</param>
    /// <param name="reason">Why not yet, for example that informing would endanger the child.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when it is recorded.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused: 403 (R1) for another organisation's signal, 404 when no obligation is tracked for it.</exception>
    public Task RecordInformingPostponedAsync(SignalId signal, string reason, CancellationToken cancellationToken = default) =>
        ExchangeAsync(HttpMethod.Post, SignalPath(signal, "informing-postponements"), new PostponementBody(reason), Json.PostponementBody, NewKey(), cancellationToken);

    /// <summary>Moves the audit trail to the newest keys the service's host configured (R6: a privacy officer).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the rotation record is written.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused: 403 for anyone but an auditor, 409 when the trail uses the newest keys already.</exception>
    public Task RotateAuditKeysAsync(CancellationToken cancellationToken = default) =>
        ExchangeAsync<PlanVersionBody>(HttpMethod.Post, "v1/audit-trail/key-rotations", null, null, NewKey(), cancellationToken);

    private static string SignalPath(SignalId signal, string rest) => string.Create(CultureInfo.InvariantCulture, $"v1/signals/{signal.Value}/{rest}");
}
