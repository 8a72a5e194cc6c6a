using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.EndToEnd;

/// <summary>
/// The vendor worker as a region's school would run it against the real service: it receives the school's match
/// notifications as signed webhooks (verified with the client package's CareCoordinationWebhook) beside the feed,
/// handles each once, and takes up each case a match of its own signal opened — intake, case holder, assessment —
/// through the client.
/// </summary>
[Collection(LoopbackPorts.Name)]
public sealed class VendorWorkerTests : IDisposable
{
    private const int Signals = 12;

    private static readonly string Secret = Convert.ToBase64String(TestKeys.Bytes("school webhook secret"));

    // The school's care coordinator, the same professional as its reporter: the role that may hold and read a case.
    private static readonly string CareCoordinatorToken = LoopbackProcesses.Token(TestRegion.School, CareCoordinationClaims.Coordinator);

    private readonly LoopbackProcesses _processes = new();

    [Fact]
    public async Task The_schools_worker_gets_every_notification_as_a_signed_webhook_handles_it_once_and_takes_up_the_cases_as_case_holder_with_an_assessment()
    {
        var port = LoopbackProcesses.FreePort();
        var hooks = LoopbackProcesses.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        _processes.StartService(port, "--Webhooks:0:Organisation=4", $"--Webhooks:0:Url=http://127.0.0.1:{hooks}/care-coordination/notifications", "--Webhooks:0:Secret=" + Secret);
        await LoopbackProcesses.WaitUntilUpAsync(address);
        _processes.StartWorker(address, TestRegion.School, "school", Signals, $"--Worker:WebhookListenUrl=http://127.0.0.1:{hooks}/", "--Worker:WebhookSecret=" + Secret, "--Worker:CaseWorkAccessToken=" + CareCoordinatorToken);
        var socialWork = _processes.StartWorker(address, TestRegion.SocialWork, "social-work", Signals, "--Worker:StopWhenDone=true");
        using var http = LoopbackProcesses.Client(address, TestRegion.School);
        using var coordinator = LoopbackProcesses.Client(address, TestRegion.School, CareCoordinationClaims.Coordinator);

        // The service posts each entry of the school's feed until the worker answers 204: wait for all of them.
        await LoopbackProcesses.WaitForAsync(
            () =>
            {
                var feed = KillTests.FeedAsync(http).GetAwaiter().GetResult();
                return feed.Count(n => n.Role == "Reporter") == Signals && feed.All(n => _processes.StateLines("school", "webhooks.txt").Contains(n.Id));
            },
            "every notification of the school's feed delivered as a webhook");
        await LoopbackProcesses.WaitForAsync(() => _processes.StateLines("school", "cases.txt").Length == Signals && _processes.StateLines("school", "cases.txt").All(c => Assessed(coordinator, c)), "the school's worker to take up every case");
        await LoopbackProcesses.WaitForAsync(() => socialWork.HasExited, "the social work worker to finish");

        var feedIds = (await KillTests.FeedAsync(http)).Select(n => n.Id).ToHashSet();
        var handled = _processes.StateLines("school", "notifications.txt");
        Assert.Equal(feedIds.Order(StringComparer.Ordinal), handled.Order(StringComparer.Ordinal));
        Assert.Subset(feedIds, _processes.StateLines("school", "webhooks.txt").ToHashSet());
        Assert.True(socialWork.ExitCode == 0, _processes.Output);
        foreach (var @case in _processes.StateLines("school", "cases.txt"))
        {
            var read = await ReadCaseAsync(coordinator, @case);
            Assert.Equal(TestRegion.ReporterOf(TestRegion.School).Value, read.GetProperty("caseHolder").GetInt32());
            // School and parenting problems need a coordinator from the pool: the assessed case waits for the director.
            Assert.Equal("AwaitingCoordinator", read.GetProperty("status").GetString());
        }
    }

    public void Dispose() => _processes.Dispose();

    private static bool Assessed(HttpClient http, string @case)
    {
        var read = ReadCaseAsync(http, @case).GetAwaiter().GetResult();
        return read.ValueKind == JsonValueKind.Object && read.GetProperty("tierReasons").GetArrayLength() > 0;
    }

    // R3: the case holder reads its case; before the worker holds it the read is refused, which reads as "not yet".
    private static async Task<JsonElement> ReadCaseAsync(HttpClient http, string @case)
    {
        using var response = await http.GetAsync("v1/cases/" + @case);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : default;
    }
}
