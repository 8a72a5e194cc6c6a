using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>
/// A PostgreSQL cluster of the tests' own, on a free loopback port, that they may stop, start and restart without
/// touching the server README's test command shares between test projects; stopped and deleted on disposal. It uses
/// the binaries scripts/postgres.sh installs, and runs the server as the 'postgres' user when the tests run as root.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _work;
    private readonly string _data;
    private readonly string _bin;
    private readonly int _port;

    public ThrowawayPostgres()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderBy(b => b, StringComparer.Ordinal)
            .LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL's binaries are missing: run the tests with 'bash scripts/test.sh', which installs them.");
        _work = Directory.CreateTempSubdirectory("carecoordination-restart-").FullName;
        _data = Path.Combine(_work, "data");
        Directory.CreateDirectory(Path.Combine(_work, "socket"));
        Run("chmod", "755", _work);
        if (Environment.UserName == "root")
        {
            Run("chown", "-R", "postgres", _work);
        }

        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            _port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        AsPostgres(Path.Combine(_bin, "initdb"), "-D", _data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale");
        Start();

        // Trust authentication ignores the password: it is there to prove that no error message repeats it.
        ConnectionString = $"Host=127.0.0.1;Port={_port};Username=postgres;Password={Password};Database=postgres;Timeout=5";
    }

    /// <summary>A password in the connection string that must never appear in an exception.</summary>
    public static string Password => "hunter2-never-shown";

    /// <summary>Gets the connection string of the cluster.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts the stopped cluster and waits until it accepts connections.</summary>
    public void Start() =>
        PgCtl("-l", Path.Combine(_work, "postgres.log"), "-w", "-t", "60", "-o", $"-p {_port} -k {Path.Combine(_work, "socket")} -c listen_addresses=127.0.0.1", "start");

    /// <summary>Stops the cluster as an operator would for maintenance: every session is ended, in-flight transactions roll back.</summary>
    public void Stop() => PgCtl("-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Restarts the cluster with <c>pg_ctl restart -m fast</c> and waits until it accepts connections again.</summary>
    public void Restart() => PgCtl("-m", "fast", "-w", "-t", "60", "-l", Path.Combine(_work, "postgres.log"), "restart");

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            PgCtl("-m", "immediate", "stop");
        }

        Directory.Delete(_work, recursive: true);
    }

    private void PgCtl(params string[] arguments) => AsPostgres([Path.Combine(_bin, "pg_ctl"), "-D", _data, .. arguments]);

    // PostgreSQL refuses to run as root; as root, the server runs as the 'postgres' system user, as in scripts/postgres.sh.
    private static void AsPostgres(params string[] command)
    {
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", .. command]);
        }
        else
        {
            Run(command[0], command[1..]);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result} {error}");
        }
    }
}
