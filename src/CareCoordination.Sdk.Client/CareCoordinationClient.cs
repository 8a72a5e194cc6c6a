using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Client;

/// <summary>
/// A vendor's typed client of the regional reference index (<em>Verwijsindex</em>) service, version 1. Every write
/// carries an idempotency key, so that the resilience handler's retries — and the vendor's own after a crash — return
/// the first answer instead of registering twice.
/// </summary>
/// <remarks>Thread-safe, as its <see cref="HttpClient"/> is. Register it with <c>AddCareCoordinationClient</c>. A BSN
/// travels only in request bodies, in full, over the HTTPS connection; the client never logs it.</remarks>
public sealed partial class CareCoordinationClient
{
    /// <summary>The wire shapes, shared with <see cref="CareCoordinationWebhook.Read"/>.</summary>
    internal static readonly ClientJsonContext Json = CreateJson();

    private readonly HttpClient _http;

    /// <summary>Initializes a new instance over an <see cref="HttpClient"/> whose base address is the service.</summary>
    /// <param name="http">The HTTP client (from the factory, with the access token and resilience handlers).</param>
    public CareCoordinationClient(HttpClient http) => _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>Registers a signal, or renews the organisation's active signal on the youth.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="idempotencyKey">The key of this registration in the vendor's outbox: the same key always gets the first answer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The acknowledgement; once it is returned the registration and its notifications are stored.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the registration.</exception>
    public async Task<RegistrationReceipt> RegisterAsync(SignalToRegister signal, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var answer = await SendAsync(HttpMethod.Post, "v1/signals", BodyOf(signal), Json.SignalBody, Json.RegistrationAnswer, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return ReceiptOf(answer);
    }

    /// <summary>Registers several signals as one change.</summary>
    /// <param name="signals">The signals, at most the service's batch length (100 by default).</param>
    /// <param name="idempotencyKey">The key of this batch: a retry of the same batch with the same key gets the first answers.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One acknowledgement per signal, in order.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the batch.</exception>
    public async Task<IReadOnlyList<RegistrationReceipt>> RegisterBatchAsync(IReadOnlyList<SignalToRegister> signals, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var body = new SignalBatchBody([.. signals.Select(BodyOf)]);
        var answer = await SendAsync(HttpMethod.Post, "v1/signal-batches", body, Json.SignalBatchBody, Json.SignalBatchAnswer, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return [.. answer.Registrations.Select(ReceiptOf)];
    }

    /// <summary>Withdraws the organisation's active signal on a youth.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="reason">Why: not justified (removed), risk gone (archived), or an upheld objection (removed).</param>
    /// <param name="idempotencyKey">The key of this withdrawal in the vendor's outbox: a retry with the same key gets the first answer instead of a refusal, for a day while the service runs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the signal is withdrawn.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused, for example with 403 (R1) when the organisation has no active signal on the youth, or 409 when the key was used for another withdrawal.</exception>
    public Task WithdrawAsync(Bsn youth, WithdrawalReason reason, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "v1/signal-withdrawals", new WithdrawalBody(youth, reason), Json.WithdrawalBody, Json.SignalAnswer, idempotencyKey, cancellationToken);

    /// <summary>Looks up the active signals on a youth that the caller may see (R1: its own organisation's). The BSN travels in the body, never in the URL.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The signals; empty when the organisation has none on the youth.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the lookup, for example with 403 (R1).</exception>
    public async Task<IReadOnlyList<FoundSignal>> FindSignalsAsync(Bsn youth, CancellationToken cancellationToken = default)
    {
        var answer = await SendAsync(HttpMethod.Post, "v1/signals/search", new SearchBody(youth), Json.SearchBody, Json.IReadOnlyListSignalAnswer, null, cancellationToken).ConfigureAwait(false);
        return [.. answer.Select(s => new FoundSignal(s.Id, s.Organisation, s.RegisteredAt, s.ExpiresOn))];
    }

    /// <summary>Reads the organisation's match notifications after a cursor, waiting up to <paramref name="wait"/> for a first one.</summary>
    /// <param name="after">The cursor: 0 at first, then the <see cref="NotificationPage.Cursor"/> of the last page handled.</param>
    /// <param name="limit">The most notifications to return, 1 to 1000.</param>
    /// <param name="wait">How long the service may wait for a first notification, up to 30 seconds.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page; the feed delivers at least once, so deduplicate by <see cref="ReceivedNotification.Id"/>.</returns>
    /// <exception cref="CareCoordinationApiException">The service refused the read.</exception>
    public async Task<NotificationPage> ReadNotificationsAsync(long after, int limit, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"v1/notifications?after={after}&limit={limit}&wait={(int)wait.TotalSeconds}");
        var answer = await SendAsync<object, FeedAnswer>(HttpMethod.Get, path, null, null, Json.FeedAnswer, null, cancellationToken).ConfigureAwait(false);
        return new NotificationPage(
            [.. answer.Notifications.Select(NotificationOf)],
            answer.Cursor,
            answer.HasMore);
    }

    private async Task<TAnswer> SendAsync<TBody, TAnswer>(HttpMethod method, string path, TBody? body, JsonTypeInfo<TBody>? bodyInfo, JsonTypeInfo<TAnswer> answerInfo, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var text = await ExchangeAsync(method, path, body, bodyInfo, idempotencyKey, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(text, answerInfo) ?? throw new JsonException("The service answered with an empty body.");
    }

    private async Task<string> ExchangeAsync<TBody>(HttpMethod method, string path, TBody? body, JsonTypeInfo<TBody>? bodyInfo, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null && bodyInfo is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, bodyInfo), Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonSerializer.Deserialize(text, Json.ProblemAnswer) : null;
            throw new CareCoordinationApiException((int)response.StatusCode, problem?.Title ?? response.ReasonPhrase, problem?.Detail, problem?.Rule);
        }

        return text;
    }

    /// <summary>A feed entry as the vendor receives it, from the feed or a webhook.</summary>
    internal static ReceivedNotification NotificationOf(FeedEntryAnswer n) =>
        new(n.Id, n.Position, n.RecordedAt, n.Notification.Signal, n.Notification.Role, n.Notification.Kind, n.Notification.OtherParties, n.Notification.MatchCoordinator, n.Notification.Message);

    private static SignalBody BodyOf(SignalToRegister signal) => new(signal.Youth.Bsn, signal.Youth.DateOfBirth, signal.Criterion);

    private static RegistrationReceipt ReceiptOf(RegistrationAnswer a) => new(a.Outcome, a.Signal.Id, a.Signal.Organisation, a.Signal.RegisteredAt, a.Signal.ExpiresOn, a.MatchCount);

    private static ClientJsonContext CreateJson()
    {
        // The service must receive the nine digits: the revealing converter goes first, on this one channel only.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(CareCoordinationJson.RevealingBsnConverter);
        CareCoordinationJson.Configure(options);
        return new ClientJsonContext(options);
    }
}
