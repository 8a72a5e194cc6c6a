using System;
using System.Globalization;
using CareCoordination.Sdk.AspNetCore;
using CareCoordination.Sdk.Hosting;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using RegionalIndexService;

// The regional reference index as a service: `dotnet run --project samples/RegionalIndexService` (see samples/README.md).
var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

// The hosting package runs the SDK from the section CareCoordination: it opens the store named by Store (SQLite by
// default, see appsettings.json; PostgreSql with ConnectionString, Schema and CheckpointPath; Standby for a second
// instance), keeps the audit trail's signed checkpoints beside a SQLite file unless Store:CheckpointPath names another,
// builds the pseudonymiser and the audit chain's key from Keys (Base64, from the host's secret store or the
// environment, never from source; docs/security.md), validates every setting at start, rebuilds the index before
// Kestrel listens, and runs the daily jobs (expiry, escalation, audit retention) at DailyJobs:TimeOfDay.
var careCoordination = configuration.GetSection("CareCoordination");
builder.Services.AddSingleton<OrganisationDirectory>(_ => TestRegion.CreateDirectory());
builder.Services.AddCareCoordinationHosting(careCoordination);
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

    // Each webhook's cursor beside a SQLite store, so that a restart resumes after the last delivered notification.
    o.WebhookStateFolder = configuration["Service:WebhookStateFolder"]
        ?? (careCoordination["Store:Path"] is { Length: > 0 } path ? path + ".webhooks" : null);
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
// The hosting package's checks, for the load balancer and the orchestrator: alive, and ready (rebuilt, store answers).
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(CareCoordinationHealthChecks.LiveTag) });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(CareCoordinationHealthChecks.ReadyTag) });
app.Run();

/// <summary>The service's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
