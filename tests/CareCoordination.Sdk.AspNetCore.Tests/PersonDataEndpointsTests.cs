using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class PersonDataEndpointsTests
{
    [Fact]
    public async Task A_reporter_finds_its_own_signals_by_a_bsn_in_the_body_and_the_audit_record_names_the_client_and_the_address()
    {
        using var service = new ServiceFactory();
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        var signals = await (await school.PostAsync("/v1/signals/search", $$"""{"bsn":"{{Http.Sam}}"}""")).JsonAsync();

        Assert.Single(signals.EnumerateArray());
        var record = service.Store.Audit.Records[^1];
        Assert.StartsWith("vendor-client-4@", record.System, System.StringComparison.Ordinal);
        Assert.Equal(AccessBasis.OwnRegistration, record.Basis);
    }

    [Fact]
    public async Task Another_organisation_without_a_signal_on_the_youth_is_refused_by_rule_R1_and_the_refusal_is_audited()
    {
        using var service = new ServiceFactory();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        var audited = service.Services.GetRequiredService<AuditTrail>().Count;

        var problem = await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals/search", $$"""{"bsn":"{{Http.Sam}}"}""")).ProblemAsync(403);

        Assert.Equal("R1 own signals", problem.GetProperty("rule").GetString());
        Assert.Equal(audited + 1, service.Services.GetRequiredService<AuditTrail>().Count);
    }

    [Fact]
    public async Task Matched_organisations_see_each_others_contacts_and_the_matched_reporter_its_information_obligations()
    {
        using var service = new ServiceFactory();
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        var matched = service.ClientAs(new Role("matched professional of the school", [.. Role.ReporterOfTheOrganisation.Claims!.Select(c => c.Type == CareCoordinationClaims.Role ? (c.Type, CareCoordinationClaims.MatchedProfessional) : c)]));
        var contacts = await (await matched.PostAsync("/v1/match-contacts/search", $$"""{"bsn":"{{Http.Sam}}"}""")).JsonAsync();
        var obligations = await (await school.PostAsync("/v1/information-obligations/search", $$"""{"bsn":"{{Http.Sam}}"}""")).JsonAsync();

        Assert.Equal(2, contacts.EnumerateArray().First().GetProperty("organisation").GetInt32());
        Assert.Single(obligations.EnumerateArray());
    }

    [Fact]
    public async Task The_auditor_reads_the_audit_trail_with_its_verification_and_the_director_the_aggregates()
    {
        using var service = new ServiceFactory();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals/search", $$"""{"bsn":"{{Http.Sam}}"}""")).ProblemAsync(403);

        var trail = await (await service.ClientAs(Role.Auditor).GetAsync("/v1/audit-trail")).JsonAsync();
        var overview = await (await service.ClientAs(Role.Director).GetAsync("/v1/coordination-overview")).JsonAsync();

        Assert.NotEmpty(trail.GetProperty("records").EnumerateArray());
        Assert.True(trail.GetProperty("verification").GetProperty("isIntact").GetBoolean());
        Assert.True(overview.TryGetProperty("coordination", out _));
        Assert.True(overview.TryGetProperty("plans", out _));
    }

    [Fact]
    public async Task A_parent_gets_subject_access_as_json_and_a_case_that_does_not_exist_is_not_found_or_refused()
    {
        using var service = new ServiceFactory();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        var access = await (await service.ClientAs(Role.DataSubject).PostAsync("/v1/subject-access-requests", $$"""{"bsn":"{{Http.Sam}}","dateOfBirth":"2017-04-12","requestedBy":"Parents"}""")).JsonAsync();
        var missingCase = await service.ClientAs(Role.CareCoordinator).GetAsync("/v1/cases/99");
        var missingPlan = await service.ClientAs(Role.CareCoordinator).GetAsync("/v1/cases/99/plan");

        Assert.NotEqual(System.Text.Json.JsonValueKind.Undefined, access.ValueKind);
        Assert.Contains((int)missingCase.StatusCode, new[] { 403, 404 });
        await missingCase.ProblemAsync((int)missingCase.StatusCode);
        await missingPlan.ProblemAsync((int)missingPlan.StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_records_how_the_identity_provider_verified_the_parent_and_an_unknown_verification_is_refused()
    {
        using var service = new ServiceFactory();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        var request = $$"""{"bsn":"{{Http.Sam}}","dateOfBirth":"2017-04-12","requestedBy":"Parents"}""";
        Role Verified(string how) => new("parent verified by " + how, [.. Role.DataSubject.Claims!, (CareCoordinationClaims.IdentityVerification, how)]);

        await (await service.ClientAs(Role.DataSubject).PostAsync("/v1/subject-access-requests", request)).JsonAsync();
        await (await service.ClientAs(Verified("IdentityDocumentInPerson")).PostAsync("/v1/subject-access-requests", request)).JsonAsync();
        var audited = service.Store.Audit.Records.Count;
        var unknown = await service.ClientAs(Verified("passport")).PostAsync("/v1/subject-access-requests", request);
        var numeric = await service.ClientAs(Verified("2")).PostAsync("/v1/subject-access-requests", request);

        var exports = service.Store.Audit.Records.Where(r => r.Action == AuditAction.Export).Select(r => r.Detail).ToList();
        Assert.Equal(2, exports.Count);
        Assert.Contains(nameof(IdentityVerification.DigiD), exports[0], System.StringComparison.Ordinal);
        Assert.Contains(nameof(IdentityVerification.IdentityDocumentInPerson), exports[1], System.StringComparison.Ordinal);
        Assert.Contains("identity_verification", (await unknown.ProblemAsync(400)).GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        await numeric.ProblemAsync(400);
        Assert.Equal(audited, service.Store.Audit.Records.Count);
    }
}
