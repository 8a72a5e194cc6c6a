using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareCoordination.Sdk;

/// <summary>
/// Validates <see cref="CareCoordinationOptions"/> at start with everything that can be known then: what configuration
/// could not bind, the rules <see cref="RegionPolicy.Create"/> and <see cref="CoordinationPolicy.Create"/> apply, and
/// the services the host must register — so a host stops once, with every violation listed, instead of at the first
/// access request (a missing <see cref="Pseudonymiser"/>) or the first registration (a store keyed differently).
/// </summary>
internal sealed class CareCoordinationOptionsValidator(IServiceProvider provider) : IValidateOptions<CareCoordinationOptions>
{
    public ValidateOptionsResult Validate(string? name, CareCoordinationOptions options)
    {
        var violations = new List<string>(options.ConfigurationProblems);
        violations.AddRange(RegionPolicy.Validate(options.Policy));
        violations.AddRange(CoordinationPolicy.Validate(options.Coordination));
        CheckServices(violations);
        return violations.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(violations);
    }

    private void CheckServices(List<string> violations)
    {
        // A key ring, registered once the audit keys were rotated, holds the chain keys and pseudonymisers by epoch.
        var hasRing = provider.GetService<IServiceProviderIsService>()?.IsService(typeof(AuditKeyRing)) == true;
        if (provider.GetService<IServiceProviderIsService>() is { } registered && !hasRing && !registered.IsService(typeof(Pseudonymiser)))
        {
            violations.Add(
                "The audit trail names persons by keyed pseudonym: register a Pseudonymiser with the host's secret key "
                + "(services.AddSingleton(new Pseudonymiser(key))), and keep the key the same across restarts.");
        }

        if (provider.GetService<IServiceProviderIsService>() is { } known && !hasRing && !known.IsService(typeof(AuditChainKey)))
        {
            violations.Add(
                "The audit trail is chained with HMAC under a key the store does not hold: register an AuditChainKey with "
                + "the host's secret key (services.AddSingleton(new AuditChainKey(key))), separate from the pseudonymisation key, "
                + "and keep it the same across restarts.");
        }

        if (provider.GetService<StoreOpensAfterStart>() is not null)
        {
            return;
        }

        if (provider.GetService<IAuditCheckpointSink>() is null
            && (provider.GetService<IAuditSink>() ?? provider.GetService<ISignalStore>() as IAuditSink) is not null)
        {
            violations.Add(
                "A durable audit trail publishes signed checkpoints outside its store: register an IAuditCheckpointSink "
                + "(services.AddSingleton<IAuditCheckpointSink>(new FileAuditCheckpointSink(path)) on another volume, or a "
                + "TextWriterAuditCheckpointSink on a log shipped elsewhere; docs/security.md).");
        }

        // Opening the stores here is no extra cost: they are the singletons the areas rebuild from a moment later.
        YouthKeying keying;
        ISignalStore? signals;
        IEventStreamStore? streams;
        try
        {
            keying = YouthKeying.Of(provider.GetService<YouthPseudonymiser>());
            signals = provider.GetService<ISignalStore>();
            streams = provider.GetService<IEventStreamStore>();
        }
        catch (OptionsValidationException)
        {
            // A store or key built from other options (the hosting package's Store and Keys) whose settings are invalid:
            // those options' own validation at start lists them, so repeating them here would only report them twice.
            return;
        }

        foreach (var store in new IYouthKeyedStore?[] { signals, ReferenceEquals(streams, signals) ? null : streams })
        {
            // A new store, or one written before the SDK recorded its keying, records nothing: the areas check it as they load.
            if (store?.ReadYouthKeying() is not { } stored || stored == keying.Fingerprint)
            {
                continue;
            }

            var name = store is ISignalStore ? "The signal store" : "The event stream store";
            violations.Add(stored == YouthKeying.ByBsn.Fingerprint
                ? $"{name} holds persons keyed by BSN and a YouthPseudonymiser is registered: remove it, or start a new store (a BSN-keyed store cannot be converted in place; docs/operations.md)."
                : !keying.IsPseudonymised
                    ? $"{name} holds pseudonymised persons and no YouthPseudonymiser is registered: register one with the key the store was written with."
                    : keying.OtherSchemeOfThisKey(stored) is { } scheme
                        ? $"{name} was written with the registered pseudonymisation key under the scheme {scheme} ({stored}), not the registered YouthPseudonymiser's ({keying.Fingerprint}): register new YouthPseudonymiser(key, PseudonymisationScheme.{scheme}) (in a host: CareCoordination:Keys:YouthPseudonymisationScheme), or move the store to the new scheme with YouthKeyMigration (docs/operations.md)."
                        : $"{name} was written with another pseudonymisation key ({stored}) than the registered YouthPseudonymiser's ({keying.Fingerprint}): register the key it was written with.");
        }
    }
}
