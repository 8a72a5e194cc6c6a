using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Privacy;
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
    // How ISignalStore documents a store keyed by the BSN itself; a pseudonymised one records its key's fingerprint.
    private const string KeyedByBsn = "bsn";

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
        if (provider.GetService<IServiceProviderIsService>() is { } registered && !registered.IsService(typeof(Pseudonymiser)))
        {
            violations.Add(
                "The audit trail names persons by keyed pseudonym: register a Pseudonymiser with the host's secret key "
                + "(services.AddSingleton(new Pseudonymiser(key))), and keep the key the same across restarts.");
        }

        // Opening the store here is no extra cost: it is the singleton the index rebuilds from a moment later.
        if (provider.GetService<ISignalStore>() is not { } store || store.ReadYouthKeying() is not { } stored)
        {
            // A new store, or one written before the SDK recorded its keying: the index itself checks it when it loads.
            return;
        }

        var keying = provider.GetService<YouthPseudonymiser>()?.KeyFingerprint ?? KeyedByBsn;
        if (stored == keying)
        {
            return;
        }

        violations.Add(stored == KeyedByBsn
            ? "The store holds youths keyed by BSN and a YouthPseudonymiser is registered: remove it, or start a new store (a BSN-keyed store cannot be converted in place; docs/privacy.md)."
            : keying == KeyedByBsn
                ? "The store holds pseudonymised youths and no YouthPseudonymiser is registered: register one with the key the store was written with."
                : $"The store was written with another pseudonymisation key ({stored}) than the registered YouthPseudonymiser's ({keying}): register the key it was written with.");
    }
}
