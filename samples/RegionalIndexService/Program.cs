using System;
using System.Globalization;
using CareCoordination.Sdk.AspNetCore;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.PostgreSql;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using RegionalIndexService;

// The regional reference index as a service: `dotnet run --project samples/RegionalIndexService` (see samples/README.md).
var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

// SQLite by default; "Store:Kind" = "PostgreSql" with "Store:ConnectionString" for a region's database server.
var store = configuration["Store:Kind"] ?? "Sqlite";
if (string.Equals(store, "PostgreSql", StringComparison.OrdinalIgnoreCase))
{
    var connection = configuration["Store:ConnectionString"] ?? throw new InvalidOperationException("Store:ConnectionString is required for PostgreSql.");
    builder.Services.AddSingleton<ISignalStore>(new PostgreSqlSignalStore(connection, configuration["Store:Schema"] ?? "carecoordination"));
}
else if (string.Equals(store, "Sqlite", StringComparison.OrdinalIgnoreCase))
{
    builder.Services.AddSingleton<ISignalStore>(_ => new SqliteSignalStore(configuration["Store:Path"] ?? "regional-index.db"));
}
else if (!string.Equals(store, "Memory", StringComparison.OrdinalIgnoreCase))
{
    throw new InvalidOperationException($"Store:Kind is Sqlite, PostgreSql or Memory, not '{store}'.");
}

// The audit trail's two secret keys (32 random bytes each, base64) come from the host's secret store; never from source:
// one names persons by pseudonym, the other chains the records, and the chain's signed checkpoints go to a file outside
// the store (docs/security.md).
builder.Services.AddSingleton(new Pseudonymiser(Key("Audit:Key")));
builder.Services.AddSingleton(new AuditChainKey(Key("Audit:ChainKey")));
if (!string.Equals(store, "Memory", StringComparison.OrdinalIgnoreCase))
{
    var checkpoints = configuration["Audit:CheckpointPath"]
        ?? (string.Equals(store, "PostgreSql", StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException("Audit:CheckpointPath is required for PostgreSql: a file on another volume than the database.")
            : (configuration["Store:Path"] ?? "regional-index.db") + ".checkpoints");
    builder.Services.AddSingleton<IAuditCheckpointSink>(new FileAuditCheckpointSink(checkpoints));
}

builder.Services.AddSingleton<OrganisationDirectory>(_ => TestRegion.CreateDirectory());
builder.Services.AddCareCoordination(configuration.GetSection("CareCoordination"));
builder.Services.AddCareCoordinationHttp(o =>
{
    o.Authority = configuration["Authentication:Authority"];
    o.Issuer = configuration["Authentication:Issuer"] ?? o.Issuer;
    o.Audience = configuration["Authentication:Audience"] ?? o.Audience;
    // A development key signs the tokens of a local run and of the tests; a region uses its authorisation server (Authority).
    if (configuration["Authentication:SigningKey"] is { Length: > 0 } key)
    {
        o.SigningKeys.Add(new SymmetricSecurityKey(Convert.FromBase64String(key)));
    }

    if (int.TryParse(configuration["Service:RequestsPerMinutePerOrganisation"], out var permits))
    {
        o.RequestsPerMinutePerOrganisation = permits;
    }

    // Optional webhooks, one per organisation: "Webhooks:0:Organisation" = 4, "Webhooks:0:Url" = "https://…",
    // "Webhooks:0:Secret" = 32 or more random bytes in base64, from the host's secret store.
    foreach (var webhook in configuration.GetSection("Webhooks").GetChildren())
    {
        o.Webhooks.Add(new WebhookSubscription(
            new OrganisationId(int.Parse(webhook["Organisation"] ?? throw new InvalidOperationException($"{webhook.Path}:Organisation is required."), CultureInfo.InvariantCulture)),
            new Uri(webhook["Url"] ?? throw new InvalidOperationException($"{webhook.Path}:Url is required.")),
            Convert.FromBase64String(webhook["Secret"] ?? throw new InvalidOperationException($"{webhook.Path}:Secret is required."))));
    }

    // Each webhook's cursor beside the store, so that a restart resumes after the last delivered notification.
    o.WebhookStateFolder = configuration["Service:WebhookStateFolder"]
        ?? (string.Equals(store, "Memory", StringComparison.OrdinalIgnoreCase) ? null : (configuration["Store:Path"] ?? "regional-index.db") + ".webhooks");
});

// `dev-token <org> <professional> <role> [client]` prints a token signed with the development key, for a local run.
if (Array.IndexOf(args, "dev-token") is var at and >= 0 && args.Length >= at + 4)
{
    Console.WriteLine(DevelopmentTokens.Mint(configuration, args[at + 1], args[at + 2], args[at + 3], args.Length > at + 4 && !args[at + 4].StartsWith('-') ? args[at + 4] : "vendor-worker"));
    return;
}

var app = builder.Build();
app.UseCareCoordination();
app.MapCareCoordination();
app.Run();

byte[] Key(string setting) =>
    Convert.FromBase64String(configuration[setting] ?? throw new InvalidOperationException($"{setting} (32 random bytes, base64) is required."));

/// <summary>The service's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
