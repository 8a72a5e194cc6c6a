using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Makes the service's writes other than registrations (case intakes, case and plan changes, consents, families,
/// withdrawals: every endpoint marked <see cref="IdempotencyKeyMetadata.Service"/>) safe to retry: a write sent with an
/// <c>Idempotency-Key</c> runs once per organisation's key, and a retry of the same request (same method, path and
/// body) gets the first success answer back, marked <see cref="CareCoordinationApi.IdempotentReplayedHeader"/>, instead
/// of running again; a retry that arrives while the first is still running waits for it. The same key on another
/// request is a 409. A refused or failed write is not kept: it changed nothing, so its retry runs again.
/// </summary>
/// <remarks>
/// <para>
/// The memory is durable in the store the SDK runs on, as events of the stream kind <see cref="StreamKind"/> (one
/// stream per shard of the keys), so that a retry after a restart or a crash of the service still finds its answer.
/// Before a keyed write runs, its claim is durable; its answer is durable before the client gets it. A write that a
/// crash cut off between the two leaves its key claimed without an answer: whether it took effect is not known, so a
/// retry of that key is a 409 that says so, rather than a second run.
/// </para>
/// <para>
/// What is stored holds no BSN: the key and the request are kept as SHA-256 hashes in which every BSN (nine digits
/// that pass the elfproef, or a substitute number) was first replaced by its keyed pseudonym, and the answers are
/// the ones the client got, with every BSN masked. Keys expire after the region's idempotency window, as the index's
/// registration keys do; a shard's history is replaced by the keys it still holds when it grows long, and at start.
/// </para>
/// </remarks>
internal sealed class IdempotentWrites(IClock clock, IServiceProvider services) : IHostedService
{
    /// <summary>The kind of the memory's streams in the store.</summary>
    public const string StreamKind = "service-idempotency-keys";

    private const int ShardCount = 16;
    private const int MinEventsBeforeCompaction = 64;
    private const string Claimed = "KeyClaimed";
    private const string Answered = "KeyAnswered";
    private const string Released = "KeyReleased";
    private const string Kept = "KeysKept";

    private static readonly IdempotencyJsonContext Json = IdempotencyJsonContext.Default;

    private readonly Lock _gate = new();
    private readonly Lock _loading = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Shard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(i => new Shard(string.Create(CultureInfo.InvariantCulture, $"shard-{i:D2}")))];
    private volatile Memory? _memory;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A damaged memory stops the service at start, as a damaged store does, rather than failing every keyed write.
        _ = Loaded();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs the keyed write once, or replays its first answer.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers[CareCoordinationApi.IdempotencyKeyHeader].ToString();
        // Only a write that reached an endpoint past its access rule, whose credential names an organisation, is keyed.
        if (header.Length == 0 || IdempotencyKeyMetadata.Of(context) is not { ReplayedByService: true } || context.User.FindFirst(CareCoordinationClaims.Organisation) is null)
        {
            await next(context);
            return;
        }

        if (!IdempotencyKeyMetadata.IsWellFormed(header))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "The Idempotency-Key header holds 1 to 100 visible ASCII characters.");
            return;
        }

        var memory = Loaded();

        // A key is the vendor's own: two organisations may use the same one, so each organisation's keys stay apart.
        var key = string.Create(CultureInfo.InvariantCulture, $"{Caller.Organisation(context).Value}:{Convert.ToHexStringLower(SHA256.HashData(memory.Deidentified(Encoding.ASCII.GetBytes(header))))}");
        var fingerprint = await FingerprintAsync(context.Request, memory, context.RequestAborted);
        var entry = Claim(key, fingerprint, memory);
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

            if (entry.Claimed)
            {
                await Problems.WriteAsync(
                    context,
                    StatusCodes.Status409Conflict,
                    "The first request with this Idempotency-Key was cut off by a failure of the service before its answer was kept, so whether it took effect is not known. Read the resource (the case, the plan or your signals) to see; send the request again with a new key only if it did not.");
                return;
            }

            // Nothing runs under a key before its claim is durable: a crash from here on leaves the key claimed.
            Record(entry, Claimed, JsonSerializer.Serialize(new KeyClaimedDocument(entry.Key, entry.Fingerprint), Json.KeyClaimedDocument), () => entry.Claimed = true);
            var answer = await RunCapturedAsync(context, next, entry);
            if (answer is null)
            {
                // A refusal changed nothing: the key is released, and the next retry runs again.
                Record(entry, Released, JsonSerializer.Serialize(new KeyReleasedDocument(entry.Key), Json.KeyReleasedDocument), () => entry.Claimed = false);
            }
        }
        finally
        {
            entry.Turn.Release();
        }
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, Memory memory, CancellationToken cancellationToken)
    {
        // The body is bounded by the service's request size limit before this runs; it is read again by the endpoint.
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        request.Body.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(request.Method + " " + request.Path + "\n"));
        hash.AppendData(memory.Deidentified(body.ToArray()));
        return Convert.ToBase64String(hash.GetHashAndReset());
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
        return response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.Body), context.RequestAborted).AsTask();
    }

    private static Answer AnswerOf(KeyAnsweredDocument answer) => new(answer.Status, answer.ContentType, answer.Location, answer.Body);

    private static KeyAnsweredDocument DocumentOf(string key, Answer answer) => new(key, answer.Status, answer.ContentType, answer.Location, answer.Body);

    /// <summary>
    /// Runs the write with its answer held back; a success is made durable as the key's answer before the client gets
    /// it. Returns the answer when it is a success worth replaying.
    /// </summary>
    private async Task<Answer?> RunCapturedAsync(HttpContext context, RequestDelegate next, Entry entry)
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
        catch
        {
            // A write that threw changed nothing it acknowledged; its exception reaches the service's problem handler.
            context.Features.Set(original);
            Record(entry, Released, JsonSerializer.Serialize(new KeyReleasedDocument(entry.Key), Json.KeyReleasedDocument), () => entry.Claimed = false);
            throw;
        }

        context.Features.Set(original);
        var response = context.Response;
        var body = buffer.ToArray();
        Answer? answer = null;
        if (response.StatusCode is >= 200 and < 300)
        {
            answer = new Answer(response.StatusCode, response.ContentType, response.Headers.Location.ToString(), Encoding.UTF8.GetString(body));
            Record(entry, Answered, JsonSerializer.Serialize(DocumentOf(entry.Key, answer), Json.KeyAnsweredDocument), () =>
            {
                entry.Answer = answer;
                entry.Claimed = false;
            });
        }

        await response.Body.WriteAsync(body, context.RequestAborted);
        return answer;
    }

    /// <summary>The key's entry for this request, a new one when the key is new or expired; <see langword="null"/> when the key belongs to another request.</summary>
    private Entry? Claim(string key, string fingerprint, Memory memory)
    {
        lock (_gate)
        {
            var now = clock.GetCurrentInstant();
            if (_entries.TryGetValue(key, out var entry) && now - entry.At < memory.Lifetime)
            {
                return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(entry.Fingerprint), Encoding.ASCII.GetBytes(fingerprint)) ? entry : null;
            }

            entry = new Entry(key, fingerprint, now);
            _entries[key] = entry;
            return entry;
        }
    }

    /// <summary>Writes one event of a key to its shard's stream, then applies it in memory; the shard's history is replaced by what it keeps once it grew long.</summary>
    private void Record(Entry entry, string type, string json, Action apply)
    {
        var memory = Loaded();
        var shard = ShardOf(entry.Key);
        lock (shard.Gate)
        {
            var now = clock.GetCurrentInstant();
            memory.Store?.Append(StreamKind, shard.Stream, shard.Version, [new StreamEvent(type, 1, now, json)]);
            shard.Version++;
            apply();
            if (++shard.SinceCompaction > Math.Max(MinEventsBeforeCompaction, shard.KeptAtCompaction))
            {
                Compact(shard, memory, now);
            }
        }
    }

    /// <summary>Replaces a shard's history by the keys it still holds, and forgets its expired keys. Runs under the shard's lock.</summary>
    private void Compact(Shard shard, Memory memory, Instant now)
    {
        var kept = new List<KeptKeyDocument>();
        lock (_gate)
        {
            foreach (var (key, entry) in _entries.Where(e => ShardOf(e.Key) == shard).ToList())
            {
                if (now - entry.At >= memory.Lifetime && entry.Turn.CurrentCount == 1)
                {
                    _entries.Remove(key);
                }
                else if (entry.Answer is not null || entry.Claimed)
                {
                    kept.Add(new KeptKeyDocument(key, entry.Fingerprint, entry.At.ToUnixTimeTicks(), entry.Answer is { } answer ? DocumentOf(key, answer) : null));
                }
            }
        }

        memory.Store?.EraseStream(StreamKind, shard.Stream, new StreamEvent(Kept, 1, now, JsonSerializer.Serialize(new KeysKeptDocument(kept), Json.KeysKeptDocument)));
        shard.Version = 1;
        shard.SinceCompaction = 0;
        shard.KeptAtCompaction = kept.Count;
    }

    private Shard ShardOf(string key)
    {
        // Stable across processes, as string hash codes are not: the first byte of the key's hash picks the shard.
        var hex = key.AsSpan(key.IndexOf(':', StringComparison.Ordinal) + 1);
        return _shards[hex.Length >= 2 ? Convert.ToByte(hex[..2].ToString(), 16) % ShardCount : 0];
    }

    /// <summary>The memory, read from the store the first time it is needed.</summary>
    private Memory Loaded()
    {
        if (_memory is { } loaded)
        {
            return loaded;
        }

        lock (_loading)
        {
            if (_memory is { } raced)
            {
                return raced;
            }

            var store = services.GetService<IEventStreamStore>() ?? services.GetService<ISignalStore>() as IEventStreamStore;
            var memory = new Memory(
                store,
                services.GetRequiredService<Pseudonymiser>(),
                services.GetService<RegionPolicy>()?.IdempotencyWindow ?? Duration.FromDays(1));
            if (store is not null)
            {
                Restore(store, memory);
            }

            _memory = memory;
            return memory;
        }
    }

    private void Restore(IEventStreamStore store, Memory memory)
    {
        var now = clock.GetCurrentInstant();
        foreach (var history in store.ReadStreams(StreamKind))
        {
            if (_shards.FirstOrDefault(s => s.Stream == history.Id) is not { } shard)
            {
                continue;
            }

            foreach (var stored in history.Events)
            {
                Apply(stored);
            }

            shard.Version = history.Events.Count;
            shard.SinceCompaction = history.Events.Count;
        }

        foreach (var shard in _shards.Where(s => s.Version > 0))
        {
            lock (shard.Gate)
            {
                // At start, every shard that holds more than its live keys is rewritten: expired keys leave the store.
                Compact(shard, memory, now);
            }
        }
    }

    private void Apply(StreamEvent stored)
    {
        switch (stored.Type)
        {
            case Claimed:
                var claim = JsonSerializer.Deserialize(stored.Json, Json.KeyClaimedDocument)!;
                _entries[claim.Key] = new Entry(claim.Key, claim.Fingerprint, stored.At) { Claimed = true };
                break;
            case Answered:
                var answer = JsonSerializer.Deserialize(stored.Json, Json.KeyAnsweredDocument)!;
                if (_entries.TryGetValue(answer.Key, out var answered))
                {
                    answered.Answer = AnswerOf(answer);
                    answered.Claimed = false;
                }

                break;
            case Released:
                var release = JsonSerializer.Deserialize(stored.Json, Json.KeyReleasedDocument)!;
                if (_entries.TryGetValue(release.Key, out var released))
                {
                    released.Claimed = false;
                }

                break;
            case Kept:
                foreach (var key in JsonSerializer.Deserialize(stored.Json, Json.KeysKeptDocument)!.Keys)
                {
                    _entries[key.Key] = new Entry(key.Key, key.Fingerprint, Instant.FromUnixTimeTicks(key.AtTicks))
                    {
                        Answer = key.Answer is { } kept ? AnswerOf(kept) : null,
                        Claimed = key.Answer is null,
                    };
                }

                break;
            default:
                throw new CorruptStoredDataException(string.Create(CultureInfo.InvariantCulture, $"The service's idempotency memory ({StreamKind}) holds an event of type '{stored.Type}' that this version does not know."));
        }
    }

    /// <summary>The store, the pseudonymiser and the window, resolved once: the store opens with the SDK, not with the pipeline.</summary>
    private sealed class Memory(IEventStreamStore? store, Pseudonymiser pseudonymiser, Duration lifetime)
    {
        public IEventStreamStore? Store { get; } = store;

        public Duration Lifetime { get; } = lifetime;

        /// <summary>
        /// Replaces every run of exactly nine digits that is a BSN or a substitute number by its keyed pseudonym, so that
        /// a hash of what remains cannot be turned back into a BSN by trying all of them.
        /// </summary>
        public byte[] Deidentified(byte[] text)
        {
            var result = new List<byte>(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                if (!char.IsAsciiDigit((char)text[i]))
                {
                    result.Add(text[i++]);
                    continue;
                }

                var start = i;
                while (i < text.Length && char.IsAsciiDigit((char)text[i]))
                {
                    i++;
                }

                var run = text.AsSpan(start, i - start);
                if (run.Length == 9 && PersonOf(Encoding.ASCII.GetString(run)) is { } person)
                {
                    result.AddRange(Encoding.ASCII.GetBytes("~" + pseudonymiser.Of(person).Value));
                }
                else
                {
                    result.AddRange(run);
                }
            }

            return [.. result];
        }

        private static Bsn? PersonOf(string digits)
        {
            if (Bsn.TryParse(digits, out var bsn))
            {
                return bsn;
            }

            var number = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            return SubstituteNumber.IsSubstituteNumber(number) ? SubstituteNumber.FromNumber(number).AsIndexKey() : null;
        }
    }

    private sealed record Answer(int Status, string? ContentType, string Location, string Body);

    private sealed class Shard(string stream)
    {
        public string Stream { get; } = stream;

        public Lock Gate { get; } = new();

        /// <summary>Gets or sets the number of events in the shard's stream.</summary>
        public int Version { get; set; }

        public int SinceCompaction { get; set; }

        public int KeptAtCompaction { get; set; }
    }

    private sealed class Entry(string key, string fingerprint, Instant at)
    {
        public string Key { get; } = key;

        public string Fingerprint { get; } = fingerprint;

        public Instant At { get; } = at;

        /// <summary>One request of the key at a time, so that a retry waits for the first instead of running beside it.</summary>
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>Gets or sets the first success answer; changed only under the shard's lock, after its event is durable.</summary>
        public Answer? Answer { get; set; }

        /// <summary>Gets or sets a value indicating whether a request of the key is claimed and has neither an answer nor a release: under way, or cut off by a crash.</summary>
        public bool Claimed { get; set; }
    }
}
