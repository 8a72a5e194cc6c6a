using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>
/// Case and plan writes sent with an Idempotency-Key run once per key: the retry of a write whose answer was lost gets
/// the first answer back instead of changing the case again, as the client's resilience handler relies on.
/// </summary>
public sealed class IdempotentWritesTests
{
    private const string Assessment = """{"problemDomains":["Parenting","Debt"],"coreProblem":"Debt","safetyThreatened":false}""";
    private static readonly string Youth = $$"""{"bsn":"{{Http.Sam}}"}""";

    [Fact]
    public async Task An_assessment_sent_twice_without_a_key_changes_the_case_twice()
    {
        using var service = await HeldCaseAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        var before = await VersionAsync(service);

        await (await school.PostAsync("/v1/cases/1/assessments", Assessment)).JsonAsync();
        await (await school.PostAsync("/v1/cases/1/assessments", Assessment)).JsonAsync();

        Assert.Equal(before + 2, await VersionAsync(service));
    }

    [Fact]
    public async Task An_assessment_retried_with_its_key_gets_the_first_answer_and_changes_the_case_once()
    {
        using var service = await HeldCaseAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        var before = await VersionAsync(service);
        var updates = service.Store.Audit.Records.Count(r => r.Action == AuditAction.Update);

        using var first = await school.PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1");
        using var retry = await school.PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1");

        Assert.Equal((await first.JsonAsync()).GetRawText(), (await retry.JsonAsync()).GetRawText());
        Assert.False(first.Headers.Contains(CareCoordinationApi.IdempotentReplayedHeader));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues(CareCoordinationApi.IdempotentReplayedHeader)));
        Assert.Equal(before + 1, await VersionAsync(service));
        Assert.Equal(updates + 1, service.Store.Audit.Records.Count(r => r.Action == AuditAction.Update));
    }

    [Fact]
    public async Task A_key_used_again_for_another_write_is_a_conflict_and_changes_nothing()
    {
        using var service = await HeldCaseAsync();
        var school = service.ClientAs(Role.CoordinatorOfTheSchool);
        await (await school.PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1")).JsonAsync();
        var before = await VersionAsync(service);

        var problem = await (await school.PostAsync("/v1/cases/1/assessments", Assessment.Replace("false", "true", System.StringComparison.Ordinal), "assessment-1")).ProblemAsync(409);

        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync(service));
    }

    [Fact]
    public async Task Two_organisations_may_use_the_same_key_for_their_own_writes()
    {
        using var service = await HeldCaseAsync();
        var youthHealthCare = service.ClientAs(Role.MatchCoordinator);

        await (await service.ClientAs(Role.CoordinatorOfTheSchool).PostAsync("/v1/cases/1/assessments", Assessment, "k-1")).JsonAsync();
        using var intake = await youthHealthCare.PostAsync("/v1/case-intakes", $$"""{"youths":["{{Http.Sara}}"],"route":"YouthAndFamilyCentre"}""", "k-1");

        Assert.True((await intake.JsonAsync()).GetProperty("opened").GetBoolean());
        Assert.False(intake.Headers.Contains(CareCoordinationApi.IdempotentReplayedHeader));
    }

    [Fact]
    public async Task The_clients_resilience_retry_of_a_case_write_whose_answer_was_lost_applies_it_once()
    {
        using var service = await HeldCaseAsync();
        var lost = new AnswerLostOnce("/assessments");
        var services = new ServiceCollection();
        services.AddCareCoordinationClient(o =>
        {
            o.BaseAddress = service.Server.BaseAddress;
            o.AccessToken = _ => ValueTask.FromResult(ServiceFactory.Token(Role.CoordinatorOfTheSchool.Claims!));
        }).AddHttpMessageHandler(() => lost).ConfigurePrimaryHttpMessageHandler(() => service.Server.CreateHandler());
        using var provider = services.BuildServiceProvider();
        var before = await VersionAsync(service);

        var decision = await provider.GetRequiredService<CareCoordinationClient>().AssessAsync(new CaseId(1), new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));

        Assert.Equal(CoordinationTier.General, decision.Tier);
        Assert.Equal(2, lost.Keys.Count);
        Assert.Single(lost.Keys.Distinct());
        Assert.Equal(before + 1, await VersionAsync(service));
    }

    private static async Task<ServiceFactory> HeldCaseAsync()
    {
        var service = await CaseWorkEndpointsTests.MatchedAsync();
        await (await service.ClientAs(Role.CoordinatorOfTheSchool).PutAsync("/v1/cases/1/case-holder", Youth)).JsonAsync();
        return service;
    }

    private static async Task<int> VersionAsync(ServiceFactory service) =>
        (await (await service.ClientAs(Role.CoordinatorOfTheSchool).GetAsync("/v1/cases/1")).JsonAsync()).GetProperty("version").GetInt32();

    /// <summary>Lets the first attempt of a write reach the service, then loses its answer, as a dropped connection would.</summary>
    private sealed class AnswerLostOnce(string pathEnd) : DelegatingHandler
    {
        private int _attempts;

        public List<string> Keys { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!request.RequestUri!.AbsolutePath.EndsWith(pathEnd, System.StringComparison.Ordinal))
            {
                return response;
            }

            Keys.Add(request.Headers.GetValues(CareCoordinationApi.IdempotencyKeyHeader).Single());
            if (Interlocked.Increment(ref _attempts) == 1)
            {
                response.Dispose();
                throw new HttpRequestException("The connection was reset before the answer arrived.");
            }

            return response;
        }
    }
}
