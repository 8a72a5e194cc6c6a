using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// The SDK as a host registers it on one store: the test region's directory, a fixed audit key, optionally a fixed
/// pseudonymisation key, and the store's checkpoint sink (the same one each time the store object is opened, unless the
/// test names one).
/// </summary>
public static class HostedSdk
{
    // A host's checkpoint sink outlives a restart; so does a test store's, for as long as the store object lives.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ISignalStore, IAuditCheckpointSink> Checkpoints = [];

    /// <summary>Gets the checkpoint sink the store object is opened with when the test names none: a migrated copy of its audit trail is checked against the same checkpoints.</summary>
    public static IAuditCheckpointSink CheckpointsOf(ISignalStore store) => Checkpoints.GetValue(store, _ => new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null));

    public static ServiceProvider Build(ISignalStore store, IClock clock, bool pseudonymised = false, ReportingScope scope = ReportingScope.Broad, YouthPseudonymiser? pseudonymiser = null, System.Action<IServiceCollection>? configure = null, IAuditCheckpointSink? checkpoints = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(clock)
            .AddSingleton(TestRegion.CreateDirectory())
            .AddSingleton(TestKeys.Pseudonymiser)
            .AddSingleton(TestKeys.AuditChain)
            .AddSingleton(checkpoints ?? CheckpointsOf(store));
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
