using System;
using System.Linq;
using CareCoordination.Sdk;
using CareCoordination.Sdk.Hosting;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Logbook;
using CareCoordination.Sdk.Logbook.Book;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.PostgreSql;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs CareCoordination.Sdk in a .NET host (the generic host, or ASP.NET Core).</summary>
public static class CareCoordinationHostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything <see cref="CareCoordinationServiceCollectionExtensions.AddCareCoordination(IServiceCollection, IConfigurationSection)"/>
    /// registers, bound from the same section, and runs it in the host: the store opened from <c>Store</c> (a SQLite
    /// file or a PostgreSQL database), the pseudonymisers built from the keys in <c>Keys</c>, every setting, key and the
    /// store's keying validated at start, the index and the other areas rebuilt from the store before the host has
    /// started, the daily jobs (<see cref="CareCoordinationDailyJobs"/>) run on the <see cref="IClock"/> at
    /// <c>DailyJobs:TimeOfDay</c>, and the health checks <see cref="CareCoordinationHealthChecks.LiveCheck"/> and
    /// <see cref="CareCoordinationHealthChecks.ReadyCheck"/>. Safe to call more than once: later calls change nothing.
    /// </summary>
    /// <remarks>
    /// <para>A store or pseudonymiser the host registers before this call is kept (<c>TryAdd</c>); the store and the keys
    /// named in configuration are read when this method runs, their values when the host starts.</para>
    /// <para>At start, one <see cref="OptionsValidationException"/> per options type lists every violation, each setting
    /// by its configuration path; a store that is named correctly but cannot be opened stops the host with an
    /// <see cref="InvalidOperationException"/> that names the setting and keeps the store's exception as its inner one.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section, for example <c>CareCoordination</c>, with <c>Policy</c>, <c>Coordination</c>, <c>Store</c>, <c>Keys</c> and <c>DailyJobs</c> subsections.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddCareCoordinationHosting(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        if (services.Any(d => d.ServiceType == typeof(HostingState)))
        {
            return services;
        }

        // Validated before the policies: the policies' validation opens the store, which needs these settings.
        services.AddOptionsWithValidateOnStart<CareCoordinationHostingOptions>().Configure(options => HostingConfiguration.Bind(section, options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CareCoordinationHostingOptions>, CareCoordinationHostingOptionsValidator>());
        RegisterStore(services, section);
        RegisterKeys(services, section);
        services.AddCareCoordination(section, HostingConfiguration.Sections);

        services.AddSingleton<HostingState>();
        services.TryAddSingleton<IJobTimer>(provider => new ClockJobTimer(provider.GetRequiredService<IClock>()));
        services.TryAddSingleton(provider => new CareCoordinationDailyJobs(
            provider.GetRequiredService<ReferenceIndex>(),
            provider.GetRequiredService<PlanBook>(),
            provider.GetRequiredService<AuditTrail>(),
            provider.GetRequiredService<SignalLogbook>(),
            provider.GetRequiredService<IOptions<CareCoordinationHostingOptions>>().Value.DailyJobs,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<CareCoordinationDailyJobs>(),
            provider.GetRequiredService<HostingState>()));

        // Registered in this order: the rebuild runs while the host is starting, before the jobs' first schedule.
        services.AddHostedService<IndexStartupService>();
        services.AddHostedService<DailyJobService>();
        services.AddHealthChecks()
            .AddCheck<LiveHealthCheck>(CareCoordinationHealthChecks.LiveCheck, tags: [CareCoordinationHealthChecks.LiveTag])
            .AddCheck<ReadyHealthCheck>(CareCoordinationHealthChecks.ReadyCheck, tags: [CareCoordinationHealthChecks.ReadyTag]);
        return services;
    }

    private static void RegisterStore(IServiceCollection services, IConfigurationSection section)
    {
        var kind = HostingConfiguration.ConfiguredStoreKind(section);
        if (kind is not (CareCoordinationStoreKind.Sqlite or CareCoordinationStoreKind.PostgreSql))
        {
            return;
        }

        // Read from the section, not the validated options: the SDK's own start check asks for the sink, and a bad store
        // setting must be reported beside the other settings' problems rather than instead of them.
        var store = section.GetSection(HostingConfiguration.StoreSection);
        var checkpoints = store[nameof(CareCoordinationStoreOptions.CheckpointPath)] is { Length: > 0 } named
            ? named
            : store[nameof(CareCoordinationStoreOptions.Path)] is { Length: > 0 } path ? path + ".checkpoints" : null;
        if (checkpoints is not null)
        {
            services.TryAddSingleton<IAuditCheckpointSink>(new FileAuditCheckpointSink(checkpoints));
        }
        services.TryAddSingleton<StandbyStore>();
        if (bool.TryParse(store[nameof(CareCoordinationStoreOptions.Standby)], out var standby) && standby)
        {
            services.TryAddSingleton<StoreOpensAfterStart>();
        }

        services.TryAddSingleton<ISignalStore>(provider =>
        {
            // Reading the options validates them: an invalid setting stops the host with its name, before any open.
            var options = provider.GetRequiredService<IOptions<CareCoordinationHostingOptions>>().Value;
            var store = options.Store;
            if (store.Standby)
            {
                return provider.GetRequiredService<StandbyStore>().Get();
            }

            var setting = $"{options.SectionPath}:{HostingConfiguration.StoreSection}:"
                + (store.Kind == CareCoordinationStoreKind.Sqlite ? nameof(CareCoordinationStoreOptions.Path) : nameof(CareCoordinationStoreOptions.ConnectionString));
            try
            {
                return store.Kind == CareCoordinationStoreKind.Sqlite
                    ? new SqliteSignalStore(store.Path!, new SqliteStoreOptions { CorruptRows = store.CorruptRows })
                    : new PostgreSqlSignalStore(store.ConnectionString!, store.Schema) { CorruptRows = store.CorruptRows };
            }
            catch (Exception error) when (error is not StoreInUseException and not OptionsValidationException)
            {
                throw new InvalidOperationException($"The {store.Kind} store named by {setting} could not be opened: {error.Message}", error);
            }
        });
    }

    private static void RegisterKeys(IServiceCollection services, IConfigurationSection section)
    {
        if (HostingConfiguration.NamesKey(section, nameof(CareCoordinationKeyOptions.Pseudonymiser)))
        {
            services.TryAddSingleton(provider => new Pseudonymiser(KeyOf(provider, keys => keys.Pseudonymiser)));
        }

        if (HostingConfiguration.NamesKey(section, nameof(CareCoordinationKeyOptions.YouthPseudonymiser)))
        {
            services.TryAddSingleton(provider => new YouthPseudonymiser(
                KeyOf(provider, keys => keys.YouthPseudonymiser),
                provider.GetRequiredService<IOptions<CareCoordinationHostingOptions>>().Value.Keys.YouthPseudonymisationScheme
                    ?? YouthPseudonymiser.SchemeFor(provider.GetService<ISignalStore>()?.ReadYouthKeying())));
        }

        if (HostingConfiguration.NamesKey(section, nameof(CareCoordinationKeyOptions.AuditChain)))
        {
            services.TryAddSingleton(provider => new AuditChainKey(KeyOf(provider, keys => keys.AuditChain)));
        }

        if (HostingConfiguration.NamesAuditKeyRing(section))
        {
            services.TryAddSingleton(provider =>
            {
                var keys = provider.GetRequiredService<IOptions<CareCoordinationHostingOptions>>().Value.Keys;
                var ring = new AuditKeyRing(keys.AuditKeyEpoch, provider.GetRequiredService<AuditChainKey>(), provider.GetRequiredService<Pseudonymiser>());
                foreach (var (epoch, retired) in keys.RetiredAuditKeys)
                {
                    var pseudonymiser = string.IsNullOrWhiteSpace(retired.Pseudonymiser) ? null : new Pseudonymiser(KeyOf(provider, _ => retired.Pseudonymiser));
                    ring = ring.WithRetired(epoch, new AuditChainKey(KeyOf(provider, _ => retired.AuditChain)), pseudonymiser);
                }

                return ring;
            });
        }
    }

    // Reading the options validates them, so the key is Base64 of at least 32 bytes here.
    private static byte[] KeyOf(IServiceProvider provider, Func<CareCoordinationKeyOptions, string?> key) =>
        CareCoordinationHostingOptionsValidator.DecodeKey(key(provider.GetRequiredService<IOptions<CareCoordinationHostingOptions>>().Value.Keys) ?? string.Empty)
        ?? throw new InvalidOperationException("A key named in configuration at registration was removed before the host started.");
}
