using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using VendorWorker;

// A vendor's client system: `dotnet run --project samples/VendorWorker` (see samples/README.md).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = builder.Configuration.GetSection("Worker").Get<WorkerSettings>() ?? new WorkerSettings();
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(new WorkerState(settings.StateFolder));
builder.Services.AddSingleton(new Outbox(settings));
builder.Services.AddSingleton<IClock>(SystemClock.Instance);
builder.Services.AddSingleton<NotificationHandler>();
builder.Services.AddSingleton<CaseWorker>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<CaseWorker>());
builder.Services.AddCareCoordinationClient(o =>
{
    o.BaseAddress = new Uri(settings.ServiceAddress);
    // A real vendor fetches the token of the professional on whose behalf a request goes from the region's
    // authorisation server; the sample takes the reporter's (Worker:AccessToken) and the care coordinator's
    // (Worker:CaseWorkAccessToken) from configuration, which the tests and a local run mint with the dev key.
    o.AccessToken = _ => System.Threading.Tasks.ValueTask.FromResult(
        (ActingProfessional.IsCareCoordinator.Value ? settings.CaseWorkAccessToken : settings.AccessToken)
        ?? throw new InvalidOperationException("Set Worker:AccessToken."));
});
builder.Services.AddHostedService<OutboxSender>();
builder.Services.AddHostedService<NotificationConsumer>();
builder.Services.AddHostedService<WebhookReceiver>();
builder.Build().Run();
