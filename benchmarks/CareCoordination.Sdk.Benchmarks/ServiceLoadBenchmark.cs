using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.AspNetCore;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using Npgsql;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// The service under load over loopback: samples/RegionalIndexService on a real Kestrel in its own process, and
/// <c>clients</c> concurrent vendor clients (<see cref="CareCoordinationClient"/> from the client package, with its
/// resilience handler) of four organisations, each looping register → look up the youth → read its organisation's
/// notification feed. Reports each kind of request's throughput and p50/p95/p99 latency, the failed requests, the
/// server's working set and GC heap, and the in-process registration figure on the same kind of store in the same run.
/// With <c>register</c> as the last argument the clients only register, which separates what HTTP and the service add to
/// a registration from what the audited reads cost.
/// Run: <c>dotnet run -c Release --project benchmarks/CareCoordination.Sdk.Benchmarks -- --service-load [seconds] [sqlite|postgres] [clients] [mixed|register]</c>.
/// </summary>
internal static class ServiceLoadBenchmark
{
    // The development signing key of samples/RegionalIndexService/appsettings.Development.json.
    private static readonly byte[] DevelopmentKey = Convert.FromBase64String("ZGV2ZWxvcG1lbnQtb25seS1zaWduaW5nLWtleS0zMi1ieXRlcyE=");

    // Organisations of the demonstration region that report and have a data-sharing agreement.
    private static readonly OrganisationId[] Organisations = [TestRegion.YouthHealthCare, TestRegion.SocialWork, TestRegion.School, TestRegion.YouthAndFamilyCentre];

    public static void Run(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var kind = args.Length > 2 && args[2] == "postgres" ? StoreKind.PostgreSql : StoreKind.Sqlite;
        var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 64;
        var registerOnly = args.Length > 4 && args[4] == "register";
        Console.Write(Measure(kind, clients, TimeSpan.FromSeconds(seconds), inProcess: true, registerOnly));
    }

    /// <summary>Starts the service on a fresh store, runs the clients for <paramref name="duration"/>, and stops it.</summary>
    public static ServiceLoadReport Measure(StoreKind kind, int clients, TimeSpan duration, bool inProcess, bool registerOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var folder = Directory.CreateTempSubdirectory("carecoordination-service-load-").FullName;
        var schema = "bench_service_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            ServiceLoadReport report;
            using (var service = ServiceProcess.Start(Settings(kind, folder, schema)))
            {
                report = RunClients(service, kind, clients, duration, registerOnly).GetAwaiter().GetResult();
            }

            // Afterwards, so that the two never share the cores.
            return inProcess ? report with { InProcessRegistrations = LoadBenchmark.InProcess(kind, clients, duration) } : report;
        }
        finally
        {
            if (kind == StoreKind.PostgreSql)
            {
                DropSchema(schema);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Settings(StoreKind kind, string folder, string schema)
    {
        // The run measures the service, not its per-organisation rate limit.
        List<string> settings = ["--Service:RequestsPerMinutePerOrganisation=100000000"];
        if (kind == StoreKind.PostgreSql)
        {
            settings.AddRange(["--CareCoordination:Store:Kind=PostgreSql", "--CareCoordination:Store:Path=", "--CareCoordination:Store:ConnectionString=" + StoreFixture.PostgresConnection, "--CareCoordination:Store:Schema=" + schema, "--CareCoordination:Store:CheckpointPath=" + Path.Combine(folder, "checkpoints")]);
        }
        else
        {
            settings.AddRange(["--CareCoordination:Store:Kind=Sqlite", "--CareCoordination:Store:Path=" + Path.Combine(folder, "index.db")]);
        }

        return settings;
    }

    private static async Task<ServiceLoadReport> RunClients(ServiceProcess service, StoreKind kind, int clients, TimeSpan duration, bool registerOnly)
    {
        var providers = Organisations.Select(o => ClientOf(service.Address, o)).ToArray();
        try
        {
            // Distinct youths per client, so that each loop's lookup finds the signal it just registered; the
            // organisations share the pool, so a youth signalled by two of them is a match in both feeds.
            var pool = TestBsns.Generate(50_000, seed: 13);
            var sessions = Enumerable.Range(0, clients).Select(c => new ClientSession(providers[c % providers.Length].GetRequiredService<CareCoordinationClient>(), c, registerOnly)).ToArray();

            // One round each before the clock starts: connections, JIT and the service's first-request work.
            await Task.WhenAll(sessions.Select(s => s.RoundAsync(pool, clients, record: false))).ConfigureAwait(false);
            var stop = new CancellationTokenSource();
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            var serverCpu = service.ProcessorTime;
            var clientCpu = self.TotalProcessorTime;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var runs = sessions.Select(s => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await s.RoundAsync(pool, clients, record: true).ConfigureAwait(false);
                }
            })).ToArray();
            await Task.Delay(duration).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(runs).ConfigureAwait(false);
            var elapsed = watch.Elapsed;
            serverCpu = service.ProcessorTime - serverCpu;
            self.Refresh();
            clientCpu = self.TotalProcessorTime - clientCpu;
            stop.Dispose();

            return new ServiceLoadReport(
                kind,
                clients,
                elapsed,
                OperationFigures.Of([.. sessions.SelectMany(s => s.Registrations)], elapsed),
                OperationFigures.Of([.. sessions.SelectMany(s => s.Lookups)], elapsed),
                OperationFigures.Of([.. sessions.SelectMany(s => s.FeedReads)], elapsed),
                sessions.Sum(s => s.Failed),
                sessions.Select(s => s.FirstFailure).FirstOrDefault(f => f is not null),
                service.PeakWorkingSet,
                service.PeakHeap,
                service.WorkingSet,
                service.Heap,
                serverCpu,
                clientCpu,
                null);
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static ServiceProvider ClientOf(Uri address, OrganisationId organisation)
    {
        var token = Token(organisation);
        var services = new ServiceCollection();
        services.AddCareCoordinationClient(o =>
        {
            o.BaseAddress = address;
            o.AccessToken = _ => ValueTask.FromResult(token);
        });
        return services.BuildServiceProvider();
    }

    private static string Token(OrganisationId organisation)
    {
        var id = organisation.Value.ToString(CultureInfo.InvariantCulture);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://auth.example.nl",
            Audience = "verwijsindex",
            Subject = new ClaimsIdentity(
            [
                new Claim(CareCoordinationClaims.Subject, "load-" + id),
                new Claim(CareCoordinationClaims.Role, CareCoordinationClaims.Reporter),
                new Claim(CareCoordinationClaims.Organisation, id),
                new Claim(CareCoordinationClaims.Professional, TestRegion.ReporterOf(organisation).Value.ToString(CultureInfo.InvariantCulture)),
                new Claim(CareCoordinationClaims.ClientId, "service-load"),
            ]),
            // A token for the run, valid from the epoch for a century, so that no wall clock is read.
            Expires = DateTime.UnixEpoch.AddYears(100),
            NotBefore = DateTime.UnixEpoch,
            IssuedAt = DateTime.UnixEpoch,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(DevelopmentKey), SecurityAlgorithms.HmacSha256),
        });
    }

    private static void DropSchema(string schema)
    {
        using var connection = new NpgsqlConnection(StoreFixture.PostgresConnection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS {schema} CASCADE";
        command.ExecuteNonQuery();
    }

    /// <summary>One vendor client's loop and what it measured.</summary>
    private sealed class ClientSession(CareCoordinationClient client, int number, bool registerOnly)
    {
        private long _cursor;
        private int _round;

        public List<double> Registrations { get; } = [];

        public List<double> Lookups { get; } = [];

        public List<double> FeedReads { get; } = [];

        public long Failed { get; private set; }

        public string? FirstFailure { get; private set; }

        public async Task RoundAsync(Bsn[] pool, int clients, bool record)
        {
            var round = _round++;
            var at = ((round * clients) + number) % pool.Length;
            var youth = new Youth(pool[at], new LocalDate(2012, 1, 1).PlusDays(at % 3650));
            var key = string.Create(CultureInfo.InvariantCulture, $"load-{number}-{round}");
            await TimedAsync(() => client.RegisterAsync(new SignalToRegister(youth, ReportingCriterion.SchoolAbsenceOrDropout), key), record ? Registrations : null).ConfigureAwait(false);
            if (registerOnly)
            {
                return;
            }

            await TimedAsync(() => client.FindSignalsAsync(youth.Bsn), record ? Lookups : null).ConfigureAwait(false);
            await TimedAsync(
                async () =>
                {
                    var page = await client.ReadNotificationsAsync(_cursor, 100, TimeSpan.Zero).ConfigureAwait(false);
                    _cursor = page.Cursor;
                },
                record ? FeedReads : null).ConfigureAwait(false);
        }

        private async Task TimedAsync(Func<Task> request, List<double>? latencies)
        {
            var began = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await request().ConfigureAwait(false);
                latencies?.Add(System.Diagnostics.Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
            catch (Exception error) when (error is CareCoordinationApiException or System.Net.Http.HttpRequestException or TimeoutException or OperationCanceledException or Polly.ExecutionRejectedException)
            {
                Failed++;
                FirstFailure ??= error.GetType().Name + ": " + error.Message;
            }
        }
    }
}
