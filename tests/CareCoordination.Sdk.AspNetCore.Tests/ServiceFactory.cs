using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Threading.Tasks;
using CareCoordination.Sdk.AspNetCore;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>
/// The sample service on a test server: an in-memory store that commits change sets (or, given a path, a SQLite file
/// that outlives the factory, as a restart of the service finds it), a fake clock, and tokens signed with a test key.
/// </summary>
public sealed class ServiceFactory : WebApplicationFactory<Program>
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 10, 0);

    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes("test-signing-key-of-at-least-32-bytes!!");

    private readonly int _permitsPerMinute;
    private readonly Action<CareCoordinationServiceOptions>? _configure;
    private readonly string? _sqlitePath;

    private readonly (string ConnectionString, string Schema, string CheckpointPath)? _postgres;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly Action<IServiceCollection>? _testServices;

    public ServiceFactory(int permitsPerMinute = 1_000_000, Action<CareCoordinationServiceOptions>? configure = null, string? sqlitePath = null, (string ConnectionString, string Schema, string CheckpointPath)? postgres = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        _testServices = testServices;
        _permitsPerMinute = permitsPerMinute;
        _configure = configure;
        _sqlitePath = sqlitePath;
        _postgres = postgres;
        _settings = settings;
    }

    private bool KeepsTheStore => _sqlitePath is not null || _postgres is not null;

    public FakeClock Clock { get; } = new(Start);

    public InMemoryCareCoordinationStore Store { get; } = new();

    public HttpClient ClientAs(Role role)
    {
        var client = CreateClient();
        if (role.Claims is { } claims)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(claims));
        }

        return client;
    }

    /// <summary>
    /// Disposes the service; with a SQLite file, returns only once the store let go of it. The sample's host is disposed
    /// on its own entry-point thread, which may still be at it when the factory's disposal returns, and a service
    /// restarted on the file before then is refused as a second writer.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqlitePath is null)
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var released = new System.IO.FileStream(_sqlitePath + ".lock", System.IO.FileMode.OpenOrCreate, System.IO.FileAccess.ReadWrite, System.IO.FileShare.None);
                return;
            }
            catch (System.IO.IOException) when (attempt < 200)
            {
                await Task.Delay(50);
            }
        }
    }

    public static string Token(IEnumerable<(string Type, string Value)> claims, string audience = "verwijsindex", byte[]? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://auth.example.nl",
            Audience = audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            Expires = DateTime.UnixEpoch.AddYears(100),
            NotBefore = DateTime.UnixEpoch,
            IssuedAt = DateTime.UnixEpoch,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("CareCoordination:Store:Kind", _postgres is not null ? "PostgreSql" : _sqlitePath is null ? "Memory" : "Sqlite");
        builder.UseSetting("CareCoordination:Store:Path", _sqlitePath);
        if (_postgres is { } postgres)
        {
            builder.UseSetting("CareCoordination:Store:ConnectionString", postgres.ConnectionString);
            builder.UseSetting("CareCoordination:Store:Schema", postgres.Schema);
            builder.UseSetting("CareCoordination:Store:CheckpointPath", postgres.CheckpointPath);
        }

        builder.UseSetting("CareCoordination:Keys:Pseudonymiser", Convert.ToBase64String(TestKeys.Bytes("service audit")));
        builder.UseSetting("CareCoordination:Keys:AuditChain", Convert.ToBase64String(TestKeys.Bytes("service audit chain")));
        // The tests move the fake clock themselves; the daily jobs are the hosting package's and tested there.
        builder.UseSetting("CareCoordination:DailyJobs:Enabled", "false");
        builder.UseSetting("Authentication:SigningKey", Convert.ToBase64String(SigningKey));
        builder.UseSetting("Service:RequestsPerMinutePerOrganisation", _permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            _testServices?.Invoke(services);
            services.Replace(ServiceDescriptor.Singleton<IClock>(Clock));
            if (!KeepsTheStore)
            {
                services.Replace(ServiceDescriptor.Singleton<ISignalStore>(Store));
                // The in-memory store keeps an audit trail too; its checkpoints go nowhere, as the store itself does.
                services.AddSingleton<IAuditCheckpointSink>(new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null));
            }

            if (_configure is not null)
            {
                services.PostConfigure(_configure);
            }
        });
    }
}
