using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class CaseEndpointsTests
{
    private static readonly string Consent = $$"""{"bsn":"{{Http.Sam}}","dateOfBirth":"2017-04-12","purpose":"Coordination","recipients":[2,4],"givenBy":"Parents"}""";
    private static readonly string LegalBasis = $$"""{"bsn":"{{Http.Sam}}","basis":"SeriouslyThreateningSituation","justification":"acute danger at home","recipients":[2],"validForDays":30}""";

    [Fact]
    public async Task The_case_holder_records_the_parents_consent_and_a_legal_basis_on_the_case_and_both_are_audited()
    {
        using var service = await MatchedAsync();
        CaseHolding.ByTheYouthAndFamilyCentre(service);
        var holder = service.ClientAs(Role.CareCoordinator);
        var audited = service.Store.Audit.Records.Count;

        var consent = await (await holder.PostAsync("/v1/cases/1/consents", Consent)).JsonAsync();
        var legal = await (await holder.PostAsync("/v1/cases/1/legal-bases", LegalBasis)).JsonAsync();

        Assert.Equal("Coordination", consent.GetProperty("purpose").GetString());
        Assert.Equal("*****2333", consent.GetProperty("youth").GetString());
        Assert.Equal("SeriouslyThreateningSituation", legal.GetProperty("basis").GetString());
        Assert.Equal(audited + 4, service.Store.Audit.Records.Count);
        Assert.Equal(2, service.Store.Audit.Records.Skip(audited).Count(r => r.Action == Sdk.Privacy.AuditAction.Create));
    }

    [Fact]
    public async Task The_case_holder_withdraws_a_consent_at_the_version_seen_and_a_second_withdrawal_on_that_version_is_a_conflict()
    {
        using var service = await MatchedAsync();
        CaseHolding.ByTheYouthAndFamilyCentre(service);
        var holder = service.ClientAs(Role.CareCoordinator);
        var consent = await (await holder.PostAsync("/v1/cases/1/consents", Consent)).JsonAsync();
        var id = consent.GetProperty("id").GetInt32();
        var version = consent.GetProperty("version").GetInt32();

        var withdrawn = await (await holder.DeleteAsync($"/v1/cases/1/consents/{id}?expectedVersion={version}")).JsonAsync();
        var again = await holder.DeleteAsync($"/v1/cases/1/consents/{id}?expectedVersion={version}");

        Assert.Equal(2, withdrawn.GetProperty("version").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, withdrawn.GetProperty("withdrawnAt").ValueKind);
        var problem = await again.ProblemAsync(409);
        Assert.Contains("version 2", problem.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_for_a_youth_the_case_does_not_concern_or_given_by_the_wrong_persons_changes_nothing()
    {
        using var service = await MatchedAsync();
        CaseHolding.ByTheYouthAndFamilyCentre(service);
        var holder = service.ClientAs(Role.CareCoordinator);

        var otherYouth = await holder.PostAsync("/v1/cases/1/consents", Consent.Replace(Http.Sam, Http.Sara, System.StringComparison.Ordinal));
        var wrongGiver = await holder.PostAsync("/v1/cases/1/consents", Consent.Replace("Parents", "Youth", System.StringComparison.Ordinal));

        await otherYouth.ProblemAsync(400);
        await wrongGiver.ProblemAsync(422);
        Assert.DoesNotContain(service.Store.Audit.Records, r => r.Action == Sdk.Privacy.AuditAction.Create);
    }

    private static async Task<ServiceFactory> MatchedAsync()
    {
        var service = new ServiceFactory();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        return service;
    }
}
