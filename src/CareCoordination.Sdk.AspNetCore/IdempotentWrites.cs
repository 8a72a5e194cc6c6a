using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Makes the case and plan writes (<c>/v1/case-intakes</c>, and POST or PUT under <c>/v1/cases/</c>) safe to retry: a
/// write sent with an <c>Idempotency-Key</c> runs once per organisation's key, and a retry of the same request (same
/// method, path and body) gets the first success answer back, marked <see cref="CareCoordinationApi.IdempotentReplayedHeader"/>, instead of
/// running again; a retry that arrives while the first is still running waits for it. The same key on another request
/// is a 409. A refused or failed write is not kept: it changed nothing, so its retry runs again.
/// </summary>
/// <remarks>
/// The answers are kept in memory for a day and at most <see cref="Capacity"/> keys: enough for the client's resilience
/// retries, which come within minutes. A retry after the service restarted runs again, so a vendor that retries across
/// restarts also sends the version it saw (<c>expectedVersion</c>), which turns a second application into a 409.
/// </remarks>
internal sealed class IdempotentWrites(IClock clock)
{
    public const int Capacity = 10_000;

    private static readonly Duration Lifetime = Duration.FromDays(1);

    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, Entry Entry)> _order = new();

    /// <summary>Whether the request is a case or plan write that honours an idempotency key.</summary>
    public static bool Covers(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
        && (request.Path.Equals("/v1/case-intakes", StringComparison.Ordinal) || request.Path.StartsWithSegments("/v1/cases", StringComparison.Ordinal));

    /// <summary>Runs the keyed write once, or replays its first answer.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers[CareCoordinationApi.IdempotencyKeyHeader].ToString();
        // Only a write that reached an endpoint past its access rule, whose credential names an organisation, is keyed.
        if (header.Length == 0 || !Covers(context.Request) || context.GetEndpoint() is null || context.User.FindFirst(CareCoordinationClaims.Organisation) is null)
        {
            await next(context);
            return;
        }

        if (header.Length > 100 || !header.All(c => c is >= '!' and <= '~'))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The Idempotency-Key header holds 1 to 100 visible ASCII characters.");
            return;
        }

        // A key is the vendor's own: two organisations may use the same one, so each organisation's keys stay apart.
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Caller.Organisation(context).Value}:{header}");
        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var entry = Claim(key, fingerprint);
        if (entry is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status409Conflict, "The Idempotency-Key was used before for another request; use a new key for a new request.");
            return;
        }

        await entry.Turn.WaitAsync(context.RequestAborted);
        try
        {
            if (entry.Answer is { } first)
            {
                await ReplayAsync(context, first);
                return;
            }

            // A refusal or failure is not kept: the entry stays without an answer, and the next retry runs again.
            entry.Answer = await RunCapturedAsync(context, next);
        }
        finally
        {
            entry.Turn.Release();
        }
    }

    private static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The body is bounded by the service's request size limit before this runs; it is read again by the endpoint.
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(request.Method + " " + request.Path + "\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    /// <summary>Runs the write with its answer held back, then sends it; returns it when it is a success worth replaying.</summary>
    private static async Task<Answer?> RunCapturedAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context);
            await capture.CompleteAsync();
        }
        finally
        {
            // An exception reaches the service's problem handler with the original body in place.
            context.Features.Set(original);
        }

        var response = context.Response;
        var body = buffer.ToArray();
        await response.Body.WriteAsync(body, context.RequestAborted);
        return response.StatusCode is >= 200 and < 300
            ? new Answer(response.StatusCode, response.ContentType, response.Headers.Location.ToString(), body)
            : null;
    }

    private static Task ReplayAsync(HttpContext context, Answer answer)
    {
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        if (answer.Location.Length > 0)
        {
            response.Headers.Location = answer.Location;
        }

        response.Headers[CareCoordinationApi.IdempotentReplayedHeader] = "true";
        return response.Body.WriteAsync(answer.Body, context.RequestAborted).AsTask();
    }

    /// <summary>The key's entry for this request, a new one when the key is new; <see langword="null"/> when the key belongs to another request.</summary>
    private Entry? Claim(string key, byte[] fingerprint)
    {
        lock (_gate)
        {
            var now = clock.GetCurrentInstant();
            while (_order.TryPeek(out var oldest) && (_order.Count > Capacity || now - oldest.Entry.At > Lifetime))
            {
                _order.Dequeue();
                if (_entries.TryGetValue(oldest.Key, out var current) && ReferenceEquals(current, oldest.Entry))
                {
                    _entries.Remove(oldest.Key);
                }
            }

            if (_entries.TryGetValue(key, out var entry))
            {
                return CryptographicOperations.FixedTimeEquals(entry.Fingerprint, fingerprint) ? entry : null;
            }

            entry = new Entry(fingerprint, now);
            _entries[key] = entry;
            _order.Enqueue((key, entry));
            return entry;
        }
    }

    private sealed record Answer(int Status, string? ContentType, string Location, byte[] Body);

    private sealed class Entry(byte[] fingerprint, Instant at)
    {
        public byte[] Fingerprint { get; } = fingerprint;

        public Instant At { get; } = at;

        /// <summary>One request of the key at a time, so that a retry waits for the first instead of running beside it.</summary>
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public Answer? Answer { get; set; }
    }
}
