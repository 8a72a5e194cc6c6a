using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VendorWorker;

// A vendor's client system: `dotnet run --project samples/VendorWorker` (see samples/README.md).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = builder.Configuration.GetSection("Worker").Get<WorkerSettings>() ?? new WorkerSettings();
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(new WorkerState(settings.StateFolder));
builder.Services.AddCareCoordinationClient(o =>
{
    o.BaseAddress = new Uri(settings.ServiceAddress);
    // A real vendor fetches a token with its client credentials from the region's authorisation server; the sample
    // takes one from configuration (Worker:AccessToken), which the tests and a local run mint with the dev key.
    o.AccessToken = _ => System.Threading.Tasks.ValueTask.FromResult(settings.AccessToken ?? throw new InvalidOperationException("Set Worker:AccessToken."));
});
builder.Services.AddHostedService<OutboxSender>();
builder.Services.AddHostedService<NotificationConsumer>();
builder.Build().Run();
