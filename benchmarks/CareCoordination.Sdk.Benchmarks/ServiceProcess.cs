using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// The built samples/RegionalIndexService as a child process on a free loopback port, with this assembly as its startup
/// hook (<see cref="StartupHook"/>), so that its memory is read from inside it. The service runs with its own runtime
/// settings (server GC, as a region would deploy it), not the benchmark's.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private long _peakWorkingSet;
    private long _peakHeap;
    private long _workingSet;
    private long _heap;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>Gets the service's loopback address.</summary>
    public Uri Address { get; }

    /// <summary>Gets the highest working set the service reported, in bytes.</summary>
    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>Gets the highest GC heap size after a collection the service reported, in bytes.</summary>
    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    /// <summary>Gets the last working set the service reported, in bytes.</summary>
    public long WorkingSet => Interlocked.Read(ref _workingSet);

    /// <summary>Gets the last GC heap size after a collection the service reported, in bytes.</summary>
    public long Heap => Interlocked.Read(ref _heap);

    /// <summary>Gets the processor time the service's process used so far, on all cores.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the service with the given settings (<c>--Key=value</c>) and waits until it answers.</summary>
    public static ServiceProcess Start(IEnumerable<string> settings)
    {
        var port = FreePort();
        var project = Path.Combine(RepositoryRoot, "samples", "RegionalIndexService");
        var dll = Path.Combine(project, "bin", Configuration, "net10.0", "RegionalIndexService.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built: build the solution in {Configuration} first.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.ArgumentList.Add(dll);
        foreach (var argument in (string[])["--environment", "Development", "--contentRoot", project, $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var service = new ServiceProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        service._process.OutputDataReceived += (_, e) => service.Read(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Read(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        service.WaitUntilUp();
        return service;
    }

    /// <summary>Stops the service (kill: the load run does not measure a shutdown).</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(StartupHook.Prefix, StringComparison.Ordinal))
        {
            var parts = line[StartupHook.Prefix.Length..].Split(' ');
            var workingSet = long.Parse(parts[0], CultureInfo.InvariantCulture);
            var heap = long.Parse(parts[1], CultureInfo.InvariantCulture);
            Interlocked.Exchange(ref _workingSet, workingSet);
            Interlocked.Exchange(ref _heap, heap);
            lock (_output)
            {
                _peakWorkingSet = Math.Max(_peakWorkingSet, workingSet);
                _peakHeap = Math.Max(_peakHeap, heap);
            }

            return;
        }

        lock (_output)
        {
            // The service's own warnings and errors, for the message when it does not come up.
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    private void WaitUntilUp()
    {
        using var http = new HttpClient { BaseAddress = Address };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                if (http.GetAsync("v1/openapi.json").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(100);
        }

        string output;
        lock (_output)
        {
            output = _output.ToString();
        }

        Dispose();
        throw new InvalidOperationException("The service did not come up:" + Environment.NewLine + output);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // bin/<Configuration>/net10.0/: the service is run from the build of the same configuration as this assembly.
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    private static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(folder.FullName, "CareCoordination.Sdk.sln")))
            {
                folder = folder.Parent ?? throw new InvalidOperationException("The repository root is not above the benchmark's folder.");
            }

            return folder.FullName;
        }
    }
}
