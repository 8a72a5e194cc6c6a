using System;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CareCoordination.Sdk.Extensions.DependencyInjection.Tests;

public sealed class CareCoordinationOptionsValidatorTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void A_pseudonymised_host_on_a_store_keyed_by_bsn_stops_at_start_with_the_missing_audit_key_in_the_same_message()
    {
        var store = new InMemorySignalStore();
        store.WriteYouthKeying("bsn");
        using var provider = new ServiceCollection()
            .AddSingleton<ISignalStore>(store)
            .AddSingleton(new YouthPseudonymiser(TestKeys.Bytes("youth")))
            .AddCareCoordination(options => options.Policy.AgeLimitInYears = 40)
            .BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            [
                "AgeLimitInYears must be from 12 to 27 (the law says 23); it is 40.",
                "The audit trail names persons by keyed pseudonym: register a Pseudonymiser with the host's secret key (services.AddSingleton(new Pseudonymiser(key))), and keep the key the same across restarts.",
                "The audit trail is chained with HMAC under a key the store does not hold: register an AuditChainKey with the host's secret key (services.AddSingleton(new AuditChainKey(key))), separate from the pseudonymisation key, and keep it the same across restarts.",
                "The signal store holds persons keyed by BSN and a YouthPseudonymiser is registered: remove it, or start a new store (a BSN-keyed store cannot be converted in place; docs/operations.md).",
            ],
            error.Failures);
    }

    [Fact]
    public void A_store_of_pseudonyms_opened_without_a_youth_pseudonymiser_stops_the_host_at_start()
    {
        var store = new InMemorySignalStore();
        store.WriteYouthKeying(new YouthPseudonymiser(TestKeys.Bytes("youth")).KeyFingerprint);

        var error = Assert.Throws<OptionsValidationException>(() => Start(store, pseudonymiser: null));

        Assert.Equal(["The signal store holds pseudonymised persons and no YouthPseudonymiser is registered: register one with the key the store was written with."], error.Failures);
    }

    [Fact]
    public void A_store_written_with_another_key_stops_the_host_at_start_naming_both_fingerprints_not_the_keys()
    {
        var written = new YouthPseudonymiser(TestKeys.Bytes("youth"));
        var other = new YouthPseudonymiser(TestKeys.Bytes("other youth"));
        var store = new InMemorySignalStore();
        store.WriteYouthKeying(written.KeyFingerprint);

        var error = Assert.Throws<OptionsValidationException>(() => Start(store, other));

        Assert.Equal([$"The signal store was written with another pseudonymisation key ({written.KeyFingerprint}) than the registered YouthPseudonymiser's ({other.KeyFingerprint}): register the key it was written with."], error.Failures);
    }

    [Fact]
    public void A_store_opened_with_the_key_it_was_written_with_starts()
    {
        var store = new InMemorySignalStore();
        store.WriteYouthKeying(new YouthPseudonymiser(TestKeys.Bytes("youth")).KeyFingerprint);

        Start(store, new YouthPseudonymiser(TestKeys.Bytes("youth")));
        Start(new InMemorySignalStore(), pseudonymiser: null);
    }

    private static void Start(ISignalStore store, YouthPseudonymiser? pseudonymiser)
    {
        var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(TestKeys.Pseudonymiser).AddSingleton(TestKeys.AuditChain);
        if (pseudonymiser is not null)
        {
            services.AddSingleton(pseudonymiser);
        }

        using var provider = services.AddCareCoordination(_ => { }).BuildServiceProvider(Strict);
        provider.GetRequiredService<IStartupValidator>().Validate();
        GC.KeepAlive(provider.GetRequiredService<Index.ReferenceIndex>());
    }
}
