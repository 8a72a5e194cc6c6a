using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.EndToEnd;

/// <summary>
/// The real service on a loopback port with its SQLite store, two vendor workers (the school and social work, signalling
/// the same youths) registering through the client package, and a kill -9 of the service in the middle of their run.
/// After a restart every acknowledged registration is in the index, and every notification in each organisation's feed
/// reached its worker at least once and was handled once.
/// </summary>
public sealed class KillTests : IDisposable
{
    private const int Signals = 120;

    // The development signing key of samples/RegionalIndexService/appsettings.Development.json.
    private static readonly byte[] DevelopmentKey = Convert.FromBase64String("ZGV2ZWxvcG1lbnQtb25seS1zaWduaW5nLWtleS0zMi1ieXRlcyE=");

    private readonly string _folder = Directory.CreateTempSubdirectory("carecoordination-kill-").FullName;
    private readonly List<Process> _started = [];
    private readonly StringBuilder _output = new();

    [Fact]
    public async Task A_service_killed_mid_run_loses_no_acknowledged_registration_and_no_notification()
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var service = StartService(port);
        await WaitUntilUpAsync(address);
        var school = StartWorker(address, TestRegion.School, "school");
        var socialWork = StartWorker(address, TestRegion.SocialWork, "social-work");

        // Kill the service once the run is well under way: by progress, not by time.
        await WaitForAsync(() => Acknowledged("school") >= Signals / 3, "a third of the school's outbox acknowledged");
        service.Kill();
        await service.WaitForExitAsync();
        var acknowledgedBeforeKill = Acknowledged("school") + Acknowledged("social-work");
        StartService(port);
        await WaitUntilUpAsync(address);
        await WaitForAsync(() => school.HasExited && socialWork.HasExited, "both workers to finish");

        Assert.True(acknowledgedBeforeKill < 2 * Signals, "the kill came before the end of the run");
        Assert.True(school.ExitCode == 0 && socialWork.ExitCode == 0, _output.ToString());
        foreach (var (organisation, name) in new[] { (TestRegion.School, "school"), (TestRegion.SocialWork, "social-work") })
        {
            Assert.Equal(Signals, Acknowledged(name));
            using var http = Client(address, organisation);
            foreach (var youth in TestBsns.Generate(Signals, seed: 1))
            {
                var found = await http.PostAsync("v1/signals/search", new StringContent($$"""{"bsn":"{{youth.RevealDigits()}}"}""", Encoding.UTF8, "application/json"));
                Assert.True(found.IsSuccessStatusCode, await found.Content.ReadAsStringAsync());
                Assert.Single(JsonDocument.Parse(await found.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
            }

            var feed = await FeedAsync(http);
            var handled = File.ReadAllLines(Path.Combine(_folder, name, "notifications.txt"));
            Assert.Equal(handled.Length, handled.Distinct().Count());
            Assert.Subset(handled.ToHashSet(), feed.Select(n => n.Id).ToHashSet());
            Assert.Equal(Signals, feed.Count(n => n.Role == "Reporter"));
        }
    }

    public void Dispose()
    {
        foreach (var process in _started.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<List<(string Id, string Role)>> FeedAsync(HttpClient http)
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

    private static HttpClient Client(Uri address, OrganisationId organisation)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(organisation));
        return http;
    }

    private static string Token(OrganisationId organisation) => ServiceFactory.Token(
        [
            (CareCoordinationClaims.Subject, "worker-" + organisation.Value.ToString(CultureInfo.InvariantCulture)),
            (CareCoordinationClaims.Role, CareCoordinationClaims.Reporter),
            (CareCoordinationClaims.Organisation, organisation.Value.ToString(CultureInfo.InvariantCulture)),
            (CareCoordinationClaims.Professional, TestRegion.ReporterOf(organisation).Value.ToString(CultureInfo.InvariantCulture)),
            (CareCoordinationClaims.ClientId, "vendor-worker"),
        ],
        key: DevelopmentKey);

    private int Acknowledged(string worker)
    {
        var path = Path.Combine(_folder, worker, "acknowledged.txt");
        return File.Exists(path) ? File.ReadAllLines(path).Count(l => l.Length > 0) : 0;
    }

    private Process StartService(int port)
    {
        var project = Path.Combine(RepositoryRoot, "samples", "RegionalIndexService");
        return Start(Path.Combine(project, "bin", Configuration, "net10.0", "RegionalIndexService.dll"),
            "--environment", "Development", "--contentRoot", project,
            "--CareCoordination:Store:Path=" + Path.Combine(_folder, "index.db"),
            $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning");
    }

    private Process StartWorker(Uri address, OrganisationId organisation, string name) =>
        Start(Path.Combine(RepositoryRoot, "samples", "VendorWorker", "bin", Configuration, "net10.0", "VendorWorker.dll"),
            "--Worker:ServiceAddress=" + address,
            "--Worker:AccessToken=" + Token(organisation),
            "--Worker:StateFolder=" + Path.Combine(_folder, name),
            "--Worker:Signals=" + Signals.ToString(CultureInfo.InvariantCulture),
            "--Worker:Seed=1",
            "--Worker:StopWhenDone=true",
            "--Worker:FeedWaitSeconds=2",
            "--Logging:LogLevel:Default=Warning");

    private Process Start(string dll, params string[] arguments)
    {
        Assert.True(File.Exists(dll), $"{dll} is not built; build the solution first.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _started.Add(process);
        var name = Path.GetFileNameWithoutExtension(dll);
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.Append(name).Append(": ").AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.Append(name).Append(": ").AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        await WaitForAsync(
            () =>
            {
                try
                {
                    return http.GetAsync("v1/openapi.json").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the service to listen");
    }

    // A guard against a hung run, not a measurement: generous, and the test's outcome never depends on it.
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("Gave up waiting for " + what + ".");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(folder.FullName, "CareCoordination.Sdk.sln")))
            {
                folder = folder.Parent ?? throw new InvalidOperationException("The repository root is not above the test's folder.");
            }

            return folder.FullName;
        }
    }
}
