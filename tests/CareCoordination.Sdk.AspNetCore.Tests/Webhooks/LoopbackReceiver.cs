using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareCoordination.Sdk.AspNetCore.Tests.Webhooks;

/// <summary>A vendor's webhook receiver on a loopback port: it refuses the first attempts with 503, then accepts, and records every attempt.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly int _failures;
    private int _seen;
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _awaited = int.MaxValue;

    private LoopbackReceiver(int failures)
    {
        _failures = failures;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks/verwijsindex", ReceiveAsync);
    }

    public Uri Url => new(_app.Urls.Single() + "/hooks/verwijsindex");

    public IReadOnlyList<Attempt> Attempts => [.. _attempts];

    public static async Task<LoopbackReceiver> StartAsync(int failures)
    {
        var receiver = new LoopbackReceiver(failures);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until the receiver accepted <paramref name="count"/> deliveries; a minute without them fails the test.</summary>
    public async Task<IReadOnlyList<Attempt>> AcceptedAsync(int count)
    {
        lock (_attempts)
        {
            _awaited = count;
            if (_attempts.Count(a => a.Accepted) >= count)
            {
                _accepted.TrySetResult();
            }
        }

        await _accepted.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return [.. _attempts.Where(a => a.Accepted)];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var accepted = Interlocked.Increment(ref _seen) > _failures;
        lock (_attempts)
        {
            _attempts.Enqueue(new Attempt(
                context.Request.Headers[CareCoordinationApi.WebhookIdHeader].ToString(),
                context.Request.Headers[CareCoordinationApi.WebhookTimestampHeader].ToString(),
                context.Request.Headers[CareCoordinationApi.WebhookSignatureHeader].ToString(),
                body,
                accepted));
            if (_attempts.Count(a => a.Accepted) >= _awaited)
            {
                _accepted.TrySetResult();
            }
        }

        context.Response.StatusCode = accepted ? StatusCodes.Status204NoContent : StatusCodes.Status503ServiceUnavailable;
    }

    internal sealed record Attempt(string Id, string Timestamp, string Signature, string Body, bool Accepted);
}
