using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class SignalEndpointsTests
{
    [Fact]
    public async Task A_reporter_registers_a_signal_for_the_organisation_and_professional_of_its_token_and_reads_it_back_in_the_api_conventions()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);

        var response = await client.PostAsync("/v1/signals", Http.SignalBody());
        var body = await response.JsonAsync();

        Assert.Equal(CareCoordinationApi.Version, response.Headers.GetValues(CareCoordinationApi.VersionHeader).Single());
        Assert.Equal("Registered", body.GetProperty("outcome").GetString());
        var signal = body.GetProperty("signal");
        Assert.Equal(TestRegion.School.Value, signal.GetProperty("organisation").GetInt32());
        Assert.Equal(TestRegion.ReporterOf(TestRegion.School).Value, signal.GetProperty("reporter").GetInt32());
        Assert.Equal("2026-11-23T10:00:00Z", signal.GetProperty("registeredAt").GetString());
        Assert.Equal("*****2333", signal.GetProperty("youth").GetString());
        Assert.DoesNotContain(Http.Sam, body.GetRawText(), System.StringComparison.Ordinal);
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task Registering_again_renews_the_signal_and_a_retry_with_the_same_idempotency_key_gets_the_first_answer()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);

        var first = await (await client.PostAsync("/v1/signals", Http.SignalBody(), "vendor-outbox-1")).JsonAsync();
        var retry = await (await client.PostAsync("/v1/signals", Http.SignalBody(), "vendor-outbox-1")).JsonAsync();
        var renewal = await (await client.PostAsync("/v1/signals", Http.SignalBody(), "vendor-outbox-2")).JsonAsync();

        Assert.Equal("Registered", retry.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("signal").GetProperty("id").GetInt64(), retry.GetProperty("signal").GetProperty("id").GetInt64());
        Assert.Equal("Renewed", renewal.GetProperty("outcome").GetString());
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task Two_organisations_may_use_the_same_idempotency_key_for_their_own_registrations()
    {
        using var service = new ServiceFactory();

        var school = await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody(), "outbox-1")).JsonAsync();
        var socialWork = await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody(), "outbox-1")).JsonAsync();

        Assert.NotEqual(school.GetProperty("signal").GetProperty("id").GetInt64(), socialWork.GetProperty("signal").GetProperty("id").GetInt64());
        Assert.Equal(2, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task A_batch_registers_every_signal_as_one_change_and_a_batch_over_the_bound_is_refused_whole()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);
        var batch = $$"""{"registrations":[{{Http.SignalBody(Http.Sam)}},{{Http.SignalBody(Http.Sara, "2012-09-03")}}]}""";
        var tooLong = $$"""{"registrations":[{{string.Join(",", Enumerable.Repeat(Http.SignalBody(), 101))}}]}""";

        var answers = await (await client.PostAsync("/v1/signal-batches", batch, "batch-1")).JsonAsync();
        var refused = await (await client.PostAsync("/v1/signal-batches", tooLong)).ProblemAsync(400);

        Assert.Equal(["Registered", "Registered"], answers.GetProperty("registrations").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.Contains("1 to 100", refused.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        Assert.Equal(2, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task A_reporter_withdraws_its_organisations_signal_with_the_reason_and_cannot_withdraw_another_organisations()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await client.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        var other = await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signal-withdrawals", $$"""{"bsn":"{{Http.Sam}}","reason":"riskGone"}""");
        await other.ProblemAsync(403);
        var withdrawn = await (await client.PostAsync("/v1/signal-withdrawals", $$"""{"bsn":"{{Http.Sam}}","reason":"riskGone"}""")).JsonAsync();

        Assert.Equal(TestRegion.School.Value, withdrawn.GetProperty("organisation").GetInt32());
        Assert.Equal(0, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task A_withdrawal_retried_with_its_idempotency_key_gets_the_first_answer_and_the_key_on_another_withdrawal_is_a_conflict()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await client.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await client.PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
        var withdrawal = $$"""{"bsn":"{{Http.Sam}}","reason":"RiskGone"}""";

        var first = await client.PostAsync("/v1/signal-withdrawals", withdrawal, "outbox-withdrawal-1");
        var retry = await client.PostAsync("/v1/signal-withdrawals", withdrawal, "outbox-withdrawal-1");
        var otherReason = await client.PostAsync("/v1/signal-withdrawals", withdrawal.Replace("RiskGone", "Unjustified", System.StringComparison.Ordinal), "outbox-withdrawal-1");
        var otherYouth = await client.PostAsync("/v1/signal-withdrawals", withdrawal.Replace(Http.Sam, Http.Sara, System.StringComparison.Ordinal), "outbox-withdrawal-1");
        var unkeyed = await client.PostAsync("/v1/signal-withdrawals", withdrawal);
        var anotherOrganisation = await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signal-withdrawals", withdrawal, "outbox-withdrawal-1");

        Assert.Equal(await first.Content.ReadAsStringAsync(), (await retry.JsonAsync()).GetRawText());
        await otherReason.ProblemAsync(409);
        await otherYouth.ProblemAsync(409);
        await unkeyed.ProblemAsync(403);
        await anotherOrganisation.ProblemAsync(403);
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ArchivedSignalCount);
        Assert.Single(service.Store.Audit.Records, r => r.Action == Sdk.Privacy.AuditAction.Delete);
    }

    [Fact]
    public async Task A_professional_who_is_not_a_designated_reporter_is_refused_by_rule_2_and_nothing_is_registered()
    {
        using var service = new ServiceFactory();
        var claims = Role.ReporterOfTheOrganisation.Claims!.Select(c => c.Type == CareCoordinationClaims.Professional ? (c.Type, TestRegion.UndesignatedOf(TestRegion.School).Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) : c);
        var client = service.ClientAs(new Role("undesignated", [.. claims]));

        var problem = await (await client.PostAsync("/v1/signals", Http.SignalBody())).ProblemAsync(403);

        Assert.Equal("rule 2 who may signal", problem.GetProperty("rule").GetString());
        Assert.Equal(0, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task A_retry_of_a_registration_whose_signal_was_erased_as_unjustified_is_a_conflict_and_registers_nothing()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await client.PostAsync("/v1/signals", Http.SignalBody(), "outbox-erased-1")).JsonAsync();
        await (await client.PostAsync("/v1/signal-withdrawals", $$"""{"bsn":"{{Http.Sam}}","reason":"Unjustified"}""")).JsonAsync();

        var retry = await client.PostAsync("/v1/signals", Http.SignalBody(), "outbox-erased-1");

        await retry.ProblemAsync(409);
        Assert.Equal(0, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }
}
