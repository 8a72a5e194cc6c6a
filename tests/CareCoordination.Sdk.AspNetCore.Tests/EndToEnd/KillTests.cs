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
/// reached its worker at least once and was handled once.
/// </summary>
[Collection(LoopbackPorts.Name)]
public sealed class KillTests : IDisposable
{
    private const int Signals = 120;

    private readonly LoopbackProcesses _processes = new();

    [Fact]
    public async Task A_service_killed_mid_run_loses_no_acknowledged_registration_and_no_notification()
    {
        var port = LoopbackProcesses.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var service = _processes.StartService(port);
        await LoopbackProcesses.WaitUntilUpAsync(address);
        var school = _processes.StartWorker(address, TestRegion.School, "school", Signals, "--Worker:StopWhenDone=true");
        var socialWork = _processes.StartWorker(address, TestRegion.SocialWork, "social-work", Signals, "--Worker:StopWhenDone=true");

        // Kill the service once the run is well under way: by progress, not by time.
        await LoopbackProcesses.WaitForAsync(() => Acknowledged("school") >= Signals / 3, "a third of the school's outbox acknowledged");
        service.Kill();
        await service.WaitForExitAsync();
        var acknowledgedBeforeKill = Acknowledged("school") + Acknowledged("social-work");
        _processes.StartService(port);
        await LoopbackProcesses.WaitUntilUpAsync(address);
        await LoopbackProcesses.WaitForAsync(() => school.HasExited && socialWork.HasExited, "both workers to finish");

        Assert.True(acknowledgedBeforeKill < 2 * Signals, "the kill came before the end of the run");
        Assert.True(school.ExitCode == 0 && socialWork.ExitCode == 0, _processes.Output);
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
            Assert.Subset(handled.ToHashSet(), feed.Select(n => n.Id).ToHashSet());
            Assert.Equal(Signals, feed.Count(n => n.Role == "Reporter"));
        }
    }

    public void Dispose() => _processes.Dispose();

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
