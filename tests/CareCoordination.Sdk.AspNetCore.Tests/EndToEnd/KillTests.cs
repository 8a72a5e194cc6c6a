using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.EndToEnd;

/// <summary>
/// The real service on a loopback port with its SQLite store, two vendor workers (the school and social work, signalling
/// the same youths) registering through the client package, and a kill -9 of the service in the middle of their run.
/// After a restart every acknowledged registration is in the index, and every notification in each organisation's feed
/// reached its worker at least once and was handled once. Withdrawals retried with their keys after a kill are applied
/// once each: the service keeps the keys' answers in its store.
/// </summary>
[Collection(LoopbackPorts.Name)]
public sealed class KillTests : IDisposable
{
    private const int Signals = 120;

    private readonly LoopbackProcesses _processes = new();

    [Fact]
    public async Task A_service_killed_mid_run_loses_no_acknowledged_registration_and_every_notification_reaches_its_worker_at_least_once()
    {
        var port = LoopbackProcesses.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var service = _processes.StartService(port);
        await LoopbackProcesses.WaitUntilUpAsync(address);
        var school = _processes.StartWorker(address, TestRegion.School, "school", Signals, "--Worker:StopWhenDone=true");
        var socialWork = _processes.StartWorker(address, TestRegion.SocialWork, "social-work", Signals, "--Worker:StopWhenDone=true");

        // Kill the service once the run is well under way: by progress, not by time.
        await LoopbackProcesses.WaitForAsync(() => Acknowledged("school") >= Signals / 3, "a third of the school's outbox acknowledged", everyMilliseconds: 5);
        service.Kill();
        await service.WaitForExitAsync();
        var acknowledgedBeforeKill = Acknowledged("school") + Acknowledged("social-work");
        _processes.StartService(port);
        await LoopbackProcesses.WaitUntilUpAsync(address);
        await LoopbackProcesses.WaitForAsync(() => school.HasExited && socialWork.HasExited, "both workers to finish");

        Assert.True(acknowledgedBeforeKill < 2 * Signals, "the kill came before the end of the run");
        Assert.True(school.ExitCode == 0 && socialWork.ExitCode == 0, _processes.Output);

        // A worker stops once its outbox is acknowledged and a read found nothing new, so the other worker's later
        // registrations may notify it after it stopped; started again, as a vendor's system restarts, it catches up
        // from its stored cursor, and then it has handled everything its feed holds.
        var schoolAgain = _processes.StartWorker(address, TestRegion.School, "school", Signals, "--Worker:StopWhenDone=true");
        var socialWorkAgain = _processes.StartWorker(address, TestRegion.SocialWork, "social-work", Signals, "--Worker:StopWhenDone=true");
        await LoopbackProcesses.WaitForAsync(() => schoolAgain.HasExited && socialWorkAgain.HasExited, "both workers to catch up");
        Assert.True(schoolAgain.ExitCode == 0 && socialWorkAgain.ExitCode == 0, _processes.Output);
        foreach (var (organisation, name) in new[] { (TestRegion.School, "school"), (TestRegion.SocialWork, "social-work") })
        {
            Assert.Equal(Signals, Acknowledged(name));
            using var http = LoopbackProcesses.Client(address, organisation);
            foreach (var youth in TestBsns.Generate(Signals, seed: 1))
            {
                var found = await http.PostAsync("v1/signals/search", new StringContent($$"""{"bsn":"{{youth.RevealDigits()}}"}""", Encoding.UTF8, "application/json"));
                Assert.True(found.IsSuccessStatusCode, await found.Content.ReadAsStringAsync());
                Assert.Single(JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
            }

            var feed = await FeedAsync(http);
            var handled = _processes.StateLines(name, "notifications.txt");
            Assert.Equal(handled.Length, handled.Distinct().Count());
            var missing = handled.Except(feed.Select(n => n.Id)).ToList();
            Assert.True(missing.Count == 0, $"{name} handled {missing.Count} notification(s) the feed no longer holds after the restart: {string.Join(", ", missing)}; the feed holds {feed.Count} ({string.Join(", ", feed.TakeLast(5).Select(n => n.Id))} last), the worker handled {handled.Length}.\n{_processes.Output}");
            var unhandled = feed.Select(n => n.Id).Except(handled).ToList();
            Assert.True(unhandled.Count == 0, $"{name}'s feed holds {unhandled.Count} notification(s) its worker never handled: {string.Join(", ", unhandled)}.\n{_processes.Output}");
            Assert.Equal(Signals, feed.Count(n => n.Role == "Reporter"));
        }
    }

    [Fact]
    public async Task Withdrawals_in_flight_when_the_service_is_killed_are_each_applied_once_and_every_retry_with_its_key_gets_the_first_answer()
    {
        const int Withdrawals = 60;
        var port = LoopbackProcesses.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var service = _processes.StartService(port);
        await LoopbackProcesses.WaitUntilUpAsync(address);
        using var http = LoopbackProcesses.Client(address, TestRegion.School);
        var youths = TestBsns.Generate(Withdrawals, seed: 7).Select(y => y.RevealDigits()).ToArray();
        var batch = string.Join(",", youths.Select(y => $$"""{"bsn":"{{y}}","dateOfBirth":"2015-03-01","criterion":"seriousUpbringingProblems"}"""));
        using (var registered = await http.PostAsync("v1/signal-batches", Json($$"""{"registrations":[{{batch}}]}""")))
        {
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        }

        // Four callers withdraw with a key each; the one whose answer is the twentieth kills the service (by progress, not by time).
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        var answered = 0;
        using var callers = new System.Threading.SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, Withdrawals).Select(async i =>
        {
            await callers.WaitAsync();
            try
            {
                using var answer = await Withdraw(http, youths[i], i);
                if (answer.IsSuccessStatusCode)
                {
                    answers[i] = await answer.Content.ReadAsStringAsync();

                    // Counted apart from the answers, so that exactly one caller sees the twentieth even when two land at once.
                    if (System.Threading.Interlocked.Increment(ref answered) == Withdrawals / 3)
                    {
                        service.Kill();
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Cut off by the kill, or sent to a service that was gone: the retry below tells.
            }
            finally
            {
                callers.Release();
            }
        }));
        await service.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        _processes.StartService(port);
        await LoopbackProcesses.WaitUntilUpAsync(address);

        Assert.InRange(answers.Count, Withdrawals / 3, Withdrawals - 1);
        var outcomes = new List<string>();
        for (var i = 0; i < Withdrawals; i++)
        {
            using var retry = await Withdraw(http, youths[i], i);
            var text = await retry.Content.ReadAsStringAsync();
            if (answers.TryGetValue(i, out var first))
            {
                // Answered before the kill: the retry gets that answer from the store, not R1's refusal of a second withdrawal.
                Assert.True(retry.IsSuccessStatusCode, text);
                Assert.Equal(first, text);
                Assert.Equal("true", Assert.Single(retry.Headers.GetValues(CareCoordinationApi.IdempotentReplayedHeader)));
            }
            else
            {
                // Never answered: run now, or its first answer replayed, or — cut off between its claim and its answer — refused as unknown; never a second withdrawal.
                Assert.True(retry.IsSuccessStatusCode || ((int)retry.StatusCode == 409 && text.Contains("not known", StringComparison.Ordinal)), text);
            }

            outcomes.Add(retry.IsSuccessStatusCode ? "withdrawn" : "unknown");
            if (retry.IsSuccessStatusCode)
            {
                using var found = await http.PostAsync("v1/signals/search", Json($$"""{"bsn":"{{youths[i]}}"}"""));
                Assert.Equal(403, (int)found.StatusCode);
            }
        }

        Assert.True(outcomes.Count(o => o == "withdrawn") >= answers.Count, _processes.Output);
    }

    public void Dispose() => _processes.Dispose();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> Withdraw(HttpClient http, string youth, int key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/signal-withdrawals") { Content = Json($$"""{"bsn":"{{youth}}","reason":"RiskGone"}""") };
        request.Headers.Add(CareCoordinationApi.IdempotencyKeyHeader, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"withdrawal-{key}"));
        return http.SendAsync(request);
    }

    internal static async Task<List<(string Id, string Role)>> FeedAsync(HttpClient http)
    {
        var entries = new List<(string, string)>();
        for (long cursor = 0; ;)
        {
            var page = JsonDocument.Parse(await http.GetStringAsync($"v1/notifications?after={cursor}&limit=1000")).RootElement;
            entries.AddRange(page.GetProperty("notifications").EnumerateArray().Select(n => (n.GetProperty("id").GetString()!, n.GetProperty("notification").GetProperty("role").GetString()!)));
            cursor = page.GetProperty("cursor").GetInt64();
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return entries;
            }
        }
    }

    private int Acknowledged(string worker) => _processes.StateLines(worker, "acknowledged.txt").Length;
}
