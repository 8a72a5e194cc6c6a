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
using System.Threading.Tasks;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.EndToEnd;

/// <summary>
/// The built samples as real processes on loopback ports: the service (SQLite in a folder of the test's own) and vendor
/// workers with their state folders there too; their output is kept for the failure messages, and every process still
/// running is killed and the folder removed at the end.
/// </summary>
internal sealed class LoopbackProcesses : IDisposable
{
    // The development signing key of samples/RegionalIndexService/appsettings.Development.json.
    private static readonly byte[] DevelopmentKey = Convert.FromBase64String("ZGV2ZWxvcG1lbnQtb25seS1zaWduaW5nLWtleS0zMi1ieXRlcyE=");

    private readonly List<Process> _started = [];
    private readonly StringBuilder _output = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("carecoordination-e2e-").FullName;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string Token(OrganisationId organisation, string role = CareCoordinationClaims.Reporter) => ServiceFactory.Token(
        [
            (CareCoordinationClaims.Subject, role + "-" + organisation.Value.ToString(CultureInfo.InvariantCulture)),
            (CareCoordinationClaims.Role, role),
            (CareCoordinationClaims.Organisation, organisation.Value.ToString(CultureInfo.InvariantCulture)),
            (CareCoordinationClaims.Professional, TestRegion.ReporterOf(organisation).Value.ToString(CultureInfo.InvariantCulture)),
            (CareCoordinationClaims.ClientId, "vendor-worker"),
        ],
        key: DevelopmentKey);

    public static HttpClient Client(Uri address, OrganisationId organisation, string role = CareCoordinationClaims.Reporter)
    {
        var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(organisation, role));
        return http;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public Process StartService(int port, params string[] settings)
    {
        var project = Path.Combine(RepositoryRoot, "samples", "RegionalIndexService");
        return Start(Path.Combine(project, "bin", Configuration, "net10.0", "RegionalIndexService.dll"),
            [
                "--environment", "Development", "--contentRoot", project,
                "--CareCoordination:Store:Path=" + Path.Combine(Folder, "index.db"),
                $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{port}",
                "--Logging:LogLevel:Default=Warning",
                .. settings,
            ]);
    }

    public Process StartWorker(Uri address, OrganisationId organisation, string name, int signals, params string[] settings) =>
        Start(Path.Combine(RepositoryRoot, "samples", "VendorWorker", "bin", Configuration, "net10.0", "VendorWorker.dll"),
            [
                "--Worker:ServiceAddress=" + address,
                "--Worker:AccessToken=" + Token(organisation),
                "--Worker:StateFolder=" + Path.Combine(Folder, name),
                "--Worker:Signals=" + signals.ToString(CultureInfo.InvariantCulture),
                "--Worker:Seed=1",
                "--Worker:FeedWaitSeconds=2",
                "--Logging:LogLevel:Default=Warning",
                .. settings,
            ]);

    /// <summary>The lines of a file in a worker's state folder, none while it does not exist.</summary>
    public string[] StateLines(string worker, string file)
    {
        var path = Path.Combine(Folder, worker, file);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0)] : [];
    }

    public static async Task WaitUntilUpAsync(Uri address)
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

    // A guard against a hung run, not a measurement: generous (four minutes), and the test's outcome never depends on it.
    // A test that acts on progress polls more often, so that the run cannot pass its mark between two looks.
    public static async Task WaitForAsync(Func<bool> condition, string what, int everyMilliseconds = 200)
    {
        for (var i = 0; i < 240_000 / everyMilliseconds; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(everyMilliseconds);
        }

        Assert.Fail("Gave up waiting for " + what + ".");
    }

    public void Dispose()
    {
        foreach (var process in _started.Where(p => !p.HasExited))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private Process Start(string dll, string[] arguments)
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
