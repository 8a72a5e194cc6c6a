using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Extensions.DependencyInjection.Tests;

public sealed class CareCoordinationServiceCollectionExtensionsTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void The_index_resolves_as_one_singleton_with_the_configured_policy_and_the_hosts_clock()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var services = new ServiceCollection()
            .AddSingleton<IClock>(clock)
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(options => options.Policy.Scope = ReportingScope.Narrow);

        using var provider = services.BuildServiceProvider(Strict);
        StartValidation(provider);

        var index = provider.GetRequiredService<ReferenceIndex>();
        Assert.Same(index, provider.GetRequiredService<ReferenceIndex>());
        Assert.Equal(ReportingScope.Narrow, index.Policy.Scope);
        Assert.Same(provider.GetRequiredService<OrganisationDirectory>(), index.Directory);
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void Without_a_clock_of_the_host_the_system_clock_is_registered()
    {
        using var provider = new ServiceCollection().AddCareCoordination(_ => { }).BuildServiceProvider(Strict);

        Assert.Equal("SystemClock", provider.GetRequiredService<IClock>().GetType().Name);
    }

    [Fact]
    public void Observers_registered_by_the_host_receive_the_index_events()
    {
        var recorder = new RecordingObserver();
        using var provider = new ServiceCollection()
            .AddSingleton<IReferenceIndexObserver>(recorder)
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(_ => { })
            .BuildServiceProvider(Strict);
        var index = provider.GetRequiredService<ReferenceIndex>();
        foreach (var organisation in TestRegion.CreateDirectory().Organisations)
        {
            index.Directory.AddOrReplace(organisation);
        }

        foreach (var professional in TestRegion.CreateDirectory().Professionals)
        {
            index.Directory.AddOrReplace(professional);
        }

        index.Register(new SignalRegistration(new Identity.Youth(TestBsns.First, new LocalDate(2018, 1, 1)), TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout)).ThrowIfRefused();

        Assert.Single(recorder.Events);
    }

    [Fact]
    public void A_match_in_the_registered_index_opens_a_case_at_the_registered_coordination_desk()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)))
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(_ => { })
            .BuildServiceProvider(Strict);
        var index = provider.GetRequiredService<ReferenceIndex>();
        var directory = TestRegion.CreateDirectory();
        foreach (var organisation in directory.Organisations)
        {
            index.Directory.AddOrReplace(organisation);
        }

        foreach (var professional in directory.Professionals)
        {
            index.Directory.AddOrReplace(professional);
        }

        var youth = new Identity.Youth(TestBsns.First, new LocalDate(2018, 1, 1));
        foreach (var organisation in new[] { TestRegion.YouthHealthCare, TestRegion.SocialWork })
        {
            index.Register(new SignalRegistration(youth, organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems)).ThrowIfRefused();
        }

        var involved = new Actor("user-1", ActorRole.Reporter, TestRegion.YouthHealthCare, TestRegion.ReporterOf(TestRegion.YouthHealthCare), "test");
        var handling = provider.GetRequiredService<PersonDataAccess>().WhichCaseHandles(involved, TestBsns.First);
        Assert.Equal([IntakeRoute.ReferenceIndex], handling.Routes);
    }

    [Fact]
    public void Coordination_settings_bind_from_configuration_and_invalid_ones_stop_the_host()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CareCoordination:Coordination:WeeklyHoursPerGeneralCase"] = "3",
                ["CareCoordination:Coordination:DefaultMeeting"] = "ZAT De Regenboog",
            })
            .Build();
        using var provider = new ServiceCollection().AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain).AddCareCoordination(configuration.GetSection("CareCoordination")).BuildServiceProvider(Strict);
        using var invalid = new ServiceCollection().AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain).AddCareCoordination(o => o.Coordination.FeedbackIntervalInDays = 0).BuildServiceProvider(Strict);

        var policy = provider.GetRequiredService<CoordinationDesk>().Policy;

        Assert.Equal((3m, "ZAT De Regenboog"), (policy.WeeklyHoursPerGeneralCase, policy.DefaultMeeting));
        var error = Assert.Throws<OptionsValidationException>(() => StartValidation(invalid));
        Assert.Equal(["FeedbackIntervalInDays must be from 1 to 365; it is 0."], error.Failures);
    }

    [Fact]
    public void A_host_without_the_audit_trails_pseudonymisation_key_stops_at_start_not_at_the_first_access()
    {
        using var without = new ServiceCollection().AddCareCoordination(_ => { }).BuildServiceProvider(Strict);
        using var with = new ServiceCollection().AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain).AddCareCoordination(_ => { }).BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => StartValidation(without));

        Assert.Equal(2, error.Failures.Count());
        Assert.StartsWith("The audit trail names persons by keyed pseudonym: register a Pseudonymiser", error.Failures.First(), StringComparison.Ordinal);
        Assert.StartsWith("The audit trail is chained with HMAC under a key the store does not hold: register an AuditChainKey", error.Failures.Last(), StringComparison.Ordinal);
        StartValidation(with);
        Assert.Same(with.GetRequiredService<AuditTrail>(), with.GetRequiredService<AuditTrail>());
        Assert.Contains(with.GetServices<IReferenceIndexObserver>(), o => o is InformationObligations);
    }

    [Fact]
    public void A_registered_store_backs_the_index_and_rebuilds_it()
    {
        var store = new InMemorySignalStore();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var directory = TestRegion.CreateDirectory();
        var registration = new SignalRegistration(new Identity.Youth(TestBsns.First, new LocalDate(2018, 1, 1)), TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout);
        using (var provider = Build(store, clock, directory))
        {
            provider.GetRequiredService<ReferenceIndex>().Register(registration).ThrowIfRefused();
        }

        using var restarted = Build(store, clock, directory);

        var school = new Actor("school-user", ActorRole.Reporter, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), "test");
        Assert.Equal(TestRegion.School, Assert.Single(restarted.GetRequiredService<PersonDataAccess>().GetSignals(school, TestBsns.First)).Organisation);
        Assert.Single(store.Signals);
    }

    [Fact]
    public void An_invalid_policy_stops_the_host_at_start_with_every_violation_listed()
    {
        using var provider = new ServiceCollection()
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(options =>
            {
                options.Policy.AgeLimitInYears = 40;
                options.Policy.ActivePeriodInMonths = 0;
                options.Policy.TimeZoneId = "Mars/Olympus";
            })
            .BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => StartValidation(provider));

        Assert.Equal(
            [
                "AgeLimitInYears must be from 12 to 27 (the law says 23); it is 40.",
                "ActivePeriodInMonths must be from 1 to 120 (the law says at most 24); it is 0.",
                "TimeZoneId 'Mars/Olympus' is not a TZDB time zone (use Europe/Amsterdam).",
            ],
            error.Failures);
    }

    [Fact]
    public void Registering_twice_is_harmless_and_adds_configuration()
    {
        var services = new ServiceCollection()
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(options => options.Policy.Scope = ReportingScope.Narrow)
            .AddCareCoordination(options => options.Policy.AgeLimitInYears = 21);

        using var provider = services.BuildServiceProvider(Strict);

        Assert.Single(services, d => d.ServiceType == typeof(ReferenceIndex));
        Assert.Single(services, d => d.ImplementationType?.Name == "CareCoordinationOptionsValidator");
        var policy = provider.GetRequiredService<RegionPolicy>();
        Assert.Equal(ReportingScope.Narrow, policy.Scope);
        Assert.Equal(21, policy.AgeLimitInYears);
    }

    [Fact]
    public void The_policy_binds_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CareCoordination:Policy:Scope"] = "Narrow",
                ["CareCoordination:Policy:ActivePeriodInMonths"] = "12",
            })
            .Build();

        using var provider = new ServiceCollection()
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(configuration.GetSection("CareCoordination"))
            .BuildServiceProvider(Strict);

        var policy = provider.GetRequiredService<RegionPolicy>();
        Assert.Equal(ReportingScope.Narrow, policy.Scope);
        Assert.Equal(Period.FromMonths(12), policy.ActivePeriod);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddCareCoordination(_ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCareCoordination((Action<CareCoordinationOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddCareCoordination((IConfigurationSection)null!));
    }

    private static ServiceProvider Build(Storage.ISignalStore store, IClock clock, OrganisationDirectory directory) =>
        new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(clock)
            .AddSingleton(directory)
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain)
            .AddCareCoordination(_ => { })
            .BuildServiceProvider(Strict);

    private static void StartValidation(IServiceProvider provider) =>
        // What a generic host does at start for AddOptionsWithValidateOnStart.
        provider.GetRequiredService<IStartupValidator>().Validate();
}
