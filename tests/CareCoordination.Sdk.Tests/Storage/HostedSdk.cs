using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>The SDK as a host registers it on one store: the test region's directory, a fixed audit key, and optionally a fixed pseudonymisation key.</summary>
internal static class HostedSdk
{
    public static ServiceProvider Build(ISignalStore store, IClock clock, bool pseudonymised = false, ReportingScope scope = ReportingScope.Broad, YouthPseudonymiser? pseudonymiser = null, System.Action<IServiceCollection>? configure = null, IAuditCheckpointSink? checkpoints = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(clock)
            .AddSingleton(TestRegion.CreateDirectory())
            .AddSingleton(TestKeys.Pseudonymiser)
            .AddSingleton(TestKeys.AuditChain)
            .AddSingleton(checkpoints ?? new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null));
        if (pseudonymised)
        {
            services.AddSingleton(pseudonymiser ?? new YouthPseudonymiser(TestKeys.Bytes("youth")));
        }

        configure?.Invoke(services);
        return services
            .AddCareCoordination(options => options.Policy.Scope = scope)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
