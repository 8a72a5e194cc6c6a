using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Logbook;
using CareCoordination.Sdk.Logbook.Book;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CareCoordination.Sdk with a service collection.</summary>
public static class CareCoordinationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the reference index (<em>Verwijsindex</em>) as a singleton with its region policy, organisation
    /// directory, match notifier and clock. Safe to call more than once: later calls only add configuration. Any
    /// <see cref="IReferenceIndexObserver"/> registered in the collection receives the index's events; when an
    /// <see cref="ISignalStore"/> is registered, the index rebuilds itself from it and writes every change to it; when a
    /// <see cref="YouthPseudonymiser"/> is registered, the index and its store hold pseudonyms instead of BSNs.
    /// The coordination desk is registered with its policy and the social map (replace <see cref="SocialMap"/> to
    /// start with a filled one), and every match the index finds opens or joins the family's case. The family plans
    /// (<see cref="PlanBook"/>) use <see cref="PlanPolicy.Default"/> unless the host registers its own
    /// <see cref="PlanPolicy"/>, and the region's time zone. The privacy services — <see cref="ConsentRegister"/>,
    /// <see cref="InformationObligations"/> (which follows the index), <see cref="AuditTrail"/>, <see cref="AccessRules"/>
    /// and <see cref="PersonDataAccess"/> — are registered too; the audit trail needs a <see cref="Pseudonymiser"/> and an
    /// <see cref="AuditChainKey"/> with the host's secret keys, registered by the host (checked at start, with the options) — or,
    /// once its keys were rotated, an <see cref="AuditKeyRing"/> with the retired ones too — and keeps its records in a registered <see cref="IAuditSink"/> or
    /// in the signal store when that is one (the SQLite and PostgreSQL stores are); a durable trail also needs a registered
    /// <see cref="IAuditCheckpointSink"/> outside the store, and verifies the stored chain against it as it is first resolved. Likewise the desk, the plan book and
    /// the consent register and the information obligations keep their cases, pool, plans, consents, legal bases and
    /// obligations in a registered
    /// <see cref="IEventStreamStore"/> or in the signal store when that is one, and rebuild themselves from it; so does
    /// the <see cref="NotificationFeed"/>, each organisation's match notifications, the <see cref="SignalLogbook"/> and the
    /// <see cref="SubjectRequestBook"/>, the youth's and parents' objections, correction and erasure requests.
    /// </summary>
    /// <remarks>
    /// At start (a host's start, or the first resolve of the options or of any service built from them) one
    /// <see cref="OptionsValidationException"/> lists every violation: invalid policy values, a missing
    /// <see cref="Pseudonymiser"/> or <see cref="AuditChainKey"/>, a durable audit trail without an
    /// <see cref="IAuditCheckpointSink"/>, and a registered <see cref="ISignalStore"/> keyed differently from the registered
    /// <see cref="YouthPseudonymiser"/> (or its absence).
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddCareCoordination(this IServiceCollection services, Action<CareCoordinationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);
        return services.AddCareCoordinationCore();
    }

    /// <summary>
    /// Registers the reference index as <see cref="AddCareCoordination(IServiceCollection, Action{CareCoordinationOptions})"/>
    /// does, binding the options from configuration: a list or map named in configuration (for example
    /// <c>Policy:MatchCoordinatorPriority:0</c>) replaces its default instead of adding to it, and a key that is no
    /// setting, or a value that does not convert, is reported at start together with every other violation.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section, for example <c>CareCoordination</c>, with <c>Policy</c> and <c>Coordination</c> subsections.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddCareCoordination(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        return services.AddCareCoordination(section, []);
    }

    // The hosting package's entry: its own sections of the same configuration section are settings too, not typos.
    internal static IServiceCollection AddCareCoordination(this IServiceCollection services, IConfigurationSection section, IReadOnlyCollection<string> otherSections)
    {
        services.AddOptions<CareCoordinationOptions>().Configure(options => CareCoordinationConfiguration.Bind(section, options, otherSections));
        return services.AddCareCoordinationCore();
    }

    private static IServiceCollection AddCareCoordinationCore(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<CareCoordinationOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CareCoordinationOptions>, CareCoordinationOptionsValidator>());

        // The one place where the wall clock is allowed: the production default that tests replace with a FakeClock.
#pragma warning disable RS0030
        services.TryAddSingleton<IClock>(SystemClock.Instance);
#pragma warning restore RS0030
        services.TryAddSingleton(provider => RegionPolicy.Create(provider.GetRequiredService<IOptions<CareCoordinationOptions>>().Value.Policy));
        services.TryAddSingleton<OrganisationDirectory>();
        services.TryAddSingleton<MatchNotifier>();
        services.TryAddSingleton(provider => CoordinationPolicy.Create(provider.GetRequiredService<IOptions<CareCoordinationOptions>>().Value.Coordination));
        services.TryAddSingleton<SocialMap>();

        // One keying for every area, so that a pseudonymised host keeps no BSN in any stream either.
        services.TryAddSingleton(provider => YouthKeying.Of(provider.GetService<YouthPseudonymiser>()));
        services.TryAddSingleton(provider => new CoordinationDesk(
            provider.GetRequiredService<CoordinationPolicy>(),
            provider.GetRequiredService<SocialMap>(),
            provider.GetRequiredService<IClock>(),
            StreamStoreOf(provider),
            provider.GetRequiredService<YouthKeying>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReferenceIndexObserver, ReferenceIndexIntake>());
        services.TryAddSingleton(PlanPolicy.Default);
        services.TryAddSingleton(provider => new PlanBook(
            provider.GetRequiredService<CoordinationDesk>(),
            provider.GetRequiredService<PlanPolicy>(),
            provider.GetRequiredService<RegionPolicy>().TimeZone,
            provider.GetRequiredService<IClock>(),
            StreamStoreOf(provider)));
        services.TryAddSingleton(provider => new ReferenceIndex(
            provider.GetRequiredService<RegionPolicy>(),
            provider.GetRequiredService<OrganisationDirectory>(),
            provider.GetRequiredService<IClock>(),
            provider.GetService<ISignalStore>(),
            provider.GetServices<IReferenceIndexObserver>(),
            provider.GetService<YouthPseudonymiser>()));
        services.TryAddSingleton(ConsentPolicy.Default);
        services.TryAddSingleton(provider => new ConsentRegister(
            provider.GetRequiredService<ConsentPolicy>(),
            provider.GetRequiredService<RegionPolicy>().TimeZone,
            provider.GetRequiredService<IClock>(),
            StreamStoreOf(provider),
            provider.GetRequiredService<YouthKeying>()));
        if (!services.Any(d => d.ServiceType == typeof(InformationObligations)))
        {
            services.AddSingleton(provider => new InformationObligations(
                provider.GetRequiredService<ConsentPolicy>(),
                provider.GetRequiredService<RegionPolicy>().TimeZone,
                provider.GetRequiredService<IClock>(),
                InformationObligations.DefaultInformWithinDays,
                StreamStoreOf(provider),
                provider.GetRequiredService<YouthKeying>()));
            services.AddSingleton<IReferenceIndexObserver>(provider => provider.GetRequiredService<InformationObligations>());
        }

        // Each organisation's match notifications, stored in the registration's own change set (a service's feed).
        if (!services.Any(d => d.ServiceType == typeof(NotificationFeed)))
        {
            services.AddSingleton(provider => new NotificationFeed(provider.GetRequiredService<OrganisationDirectory>(), provider.GetRequiredService<IClock>(), StreamStoreOf(provider)));
            services.AddSingleton<IReferenceIndexObserver>(provider => provider.GetRequiredService<NotificationFeed>());
        }

        // Moves (domain rule 5): every reporter with an active signal, and the new municipality's match coordinator, is
        // told in the family change's own change set.
        if (!services.Any(d => d.ServiceType == typeof(MoveNotices)))
        {
            services.AddSingleton(provider => new MoveNotices(
                provider.GetRequiredService<OrganisationDirectory>(),
                provider.GetRequiredService<RegionPolicy>().MunicipalMatchCoordinators,
                StreamStoreOf(provider)));
            services.AddSingleton<IReferenceIndexObserver>(provider => provider.GetRequiredService<MoveNotices>());
        }

        // Match follow-up (matchregie): who became the central contact, whether the signals were aligned, reminders.
        if (!services.Any(d => d.ServiceType == typeof(MatchFollowUpBook)))
        {
            services.AddSingleton(provider => new MatchFollowUpBook(provider.GetRequiredService<RegionPolicy>(), provider.GetRequiredService<IClock>(), StreamStoreOf(provider)));
            services.AddSingleton<IReferenceIndexObserver>(provider => provider.GetRequiredService<MatchFollowUpBook>());
        }

        // Substitute numbers for youths without a BSN, kept with only an HMAC of the details in a pseudonymised store.
        services.TryAddSingleton(provider => new SubstituteNumberRegister(StreamStoreOf(provider), provider.GetRequiredService<YouthKeying>(), provider.GetRequiredService<IClock>()));

        // The logbook of who signalled, was removed or was notified, stored in the same change set and keyed by pseudonym.
        if (!services.Any(d => d.ServiceType == typeof(SignalLogbook)))
        {
            services.AddSingleton(provider => new SignalLogbook(provider.GetRequiredService<RegionPolicy>(), provider.GetRequiredService<AuditTrail>(), StreamStoreOf(provider)));
            services.AddSingleton<IReferenceIndexObserver>(provider => provider.GetRequiredService<SignalLogbook>());
        }

        services.TryAddSingleton(provider =>
        {
            var clock = provider.GetRequiredService<IClock>();
            var sink = provider.GetService<IAuditSink>() ?? provider.GetService<ISignalStore>() as IAuditSink;
            if (provider.GetService<AuditKeyRing>() is { } ring)
            {
                return sink is null ? new AuditTrail(ring, clock) : new AuditTrail(ring, clock, sink, CheckpointsOf(provider), refuseBrokenChain: true);
            }

            var pseudonymiser = provider.GetService<Pseudonymiser>() ?? throw new InvalidOperationException(
                "The audit trail names persons by keyed pseudonym: register a Pseudonymiser with the host's secret key "
                + "(services.AddSingleton(new Pseudonymiser(key))), and keep the key the same across restarts.");
            var key = provider.GetService<AuditChainKey>() ?? throw new InvalidOperationException(
                "The audit trail is chained with HMAC under a key the store does not hold: register an AuditChainKey with the host's secret key "
                + "(services.AddSingleton(new AuditChainKey(key))), and keep the key the same across restarts.");
            return sink is null ? new AuditTrail(pseudonymiser, key, clock) : new AuditTrail(pseudonymiser, key, clock, sink, CheckpointsOf(provider));
        });
        // The youth's and parents' requests (objection, correction, erasure), keyed like every other area.
        services.TryAddSingleton(provider => new SubjectRequestBook(provider.GetRequiredService<IClock>(), StreamStoreOf(provider), provider.GetRequiredService<YouthKeying>()));
        services.TryAddSingleton(provider => new AccessRules(
            provider.GetRequiredService<ReferenceIndex>(),
            provider.GetRequiredService<CoordinationDesk>(),
            provider.GetRequiredService<ConsentRegister>()));
        services.TryAddSingleton(provider => new PersonDataAccess(
            provider.GetRequiredService<AccessRules>(),
            provider.GetRequiredService<AuditTrail>(),
            provider.GetRequiredService<ReferenceIndex>(),
            provider.GetRequiredService<CoordinationDesk>(),
            provider.GetRequiredService<PlanBook>(),
            provider.GetRequiredService<ConsentRegister>(),
            provider.GetRequiredService<InformationObligations>(),
            provider.GetRequiredService<SubjectRequestBook>(),
            provider.GetRequiredService<IClock>()));
        return services;
    }

    private static IAuditCheckpointSink CheckpointsOf(IServiceProvider provider) =>
        provider.GetService<IAuditCheckpointSink>() ?? throw new InvalidOperationException(
            "A durable audit trail publishes signed checkpoints outside its store: register an IAuditCheckpointSink (docs/security.md).");

    // A registered stream store wins; otherwise the signal store keeps the streams too when it can (SQLite and PostgreSQL do).
    private static IEventStreamStore? StreamStoreOf(IServiceProvider provider) =>
        provider.GetService<IEventStreamStore>() ?? provider.GetService<ISignalStore>() as IEventStreamStore;
}
