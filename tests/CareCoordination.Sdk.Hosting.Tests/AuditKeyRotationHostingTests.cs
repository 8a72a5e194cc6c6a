using System;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class AuditKeyRotationHostingTests
{
    private static readonly Actor Reporter = new("user-2", ActorRole.Reporter, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), "hosting test");
    private static readonly Actor PrivacyOfficer = new("privacy-officer", ActorRole.Auditor, TestRegion.YouthAndFamilyCentre, null, "Audit console");
    private static readonly string NewAuditKey = Convert.ToBase64String(TestKeys.Bytes("hosting audit, second epoch"));
    private static readonly string NewAuditChainKey = Convert.ToBase64String(TestKeys.Bytes("hosting audit chain, second epoch"));

    [Fact]
    public async Task New_audit_keys_in_configuration_with_the_old_ones_retired_let_a_privacy_officer_rotate_and_the_host_restarts_on_the_rotated_trail()
    {
        using var scenario = new HostScenario();
        await RunAsync(scenario, trail => trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "before the rotation", AccessBasis.OwnRegistration));

        scenario.Settings["CareCoordination:Keys:RetiredAuditKeys:1:Pseudonymiser"] = HostScenario.AuditKey;
        scenario.Settings["CareCoordination:Keys:RetiredAuditKeys:1:AuditChain"] = HostScenario.AuditChainKey;
        scenario.Settings["CareCoordination:Keys:Pseudonymiser"] = NewAuditKey;
        scenario.Settings["CareCoordination:Keys:AuditChain"] = NewAuditChainKey;
        scenario.Settings["CareCoordination:Keys:AuditKeyEpoch"] = "2";
        await RunAsync(scenario, trail =>
        {
            Assert.Equal(1, trail.KeyEpoch);
            Assert.Equal(2, trail.RotateKeys(PrivacyOfficer).KeyEpoch);
            trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "after the rotation", AccessBasis.OwnRegistration);
        });

        await RunAsync(scenario, trail =>
        {
            Assert.True(trail.VerificationAtOpen.IsIntact, trail.VerificationAtOpen.Reason);
            Assert.Equal(2, trail.KeyEpoch);
            Assert.Equal(new Pseudonymiser(Convert.FromBase64String(NewAuditKey)).Of(TestBsns.First), trail.Pseudonymiser.Of(TestBsns.First));
        });
    }

    [Fact]
    public async Task A_retired_epoch_that_is_not_older_than_the_current_one_or_lacks_its_chain_key_stops_the_host_with_every_reason()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Keys:AuditKeyEpoch"] = "2";
        scenario.Settings["CareCoordination:Keys:RetiredAuditKeys:2:AuditChain"] = HostScenario.AuditChainKey;
        scenario.Settings["CareCoordination:Keys:RetiredAuditKeys:1:Pseudonymiser"] = HostScenario.AuditKey;
        scenario.Settings["CareCoordination:Keys:RetiredAuditKeys:1:Chain"] = HostScenario.AuditChainKey;
        using var host = scenario.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var messages = (error is AggregateException all ? all.InnerExceptions : [error]).SelectMany(f => Assert.IsType<OptionsValidationException>(f).Failures).ToList();
        Assert.Contains("CareCoordination:Keys:RetiredAuditKeys:2 names key epoch 2, but a retired epoch must be from 1 to one below CareCoordination:Keys:AuditKeyEpoch (2).", messages);
        Assert.Contains(messages, m => m.StartsWith("CareCoordination:Keys:RetiredAuditKeys:1:AuditChain is not set", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("'CareCoordination:Keys:RetiredAuditKeys:1:Chain' is not a setting", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains(HostScenario.AuditChainKey, StringComparison.Ordinal));
    }

    private static async Task RunAsync(HostScenario scenario, Action<AuditTrail> use)
    {
        using var host = scenario.Build();
        await host.StartAsync();
        use(host.Services.GetRequiredService<AuditTrail>());
        await host.StopAsync();
    }
}
