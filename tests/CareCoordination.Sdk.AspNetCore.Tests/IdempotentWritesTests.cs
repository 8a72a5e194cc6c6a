using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>
/// Case and plan writes and withdrawals sent with an Idempotency-Key run once per key: the retry of a write whose
/// answer was lost gets the first answer back instead of changing the case again, as the client's resilience handler
/// relies on, and so does a retry after the service restarted, since the memory is kept in the service's store.
/// </summary>
public sealed class IdempotentWritesTests : IDisposable
{
    private const string MemoryKind = "service-idempotency-keys";
    private readonly string _folder = Directory.CreateTempSubdirectory("idempotent-writes-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_case_write_and_a_withdrawal_retried_with_their_keys_after_a_restart_get_their_first_answers_and_change_nothing(string store)
    {
        var path = Path.Combine(_folder, "regional-index.db");
        var schema = "service_idempotency_" + Guid.NewGuid().ToString("N")[..12];
        ServiceFactory Service() => store == "Sqlite"
            ? new ServiceFactory(sqlitePath: path)
            : new ServiceFactory(postgres: (Environment.GetEnvironmentVariable("CARECOORDINATION_TEST_POSTGRES")
                ?? throw new InvalidOperationException("CARECOORDINATION_TEST_POSTGRES is not set: run the tests with 'bash scripts/test.sh', which starts a throwaway PostgreSQL server."), schema, path + ".checkpoints"));
        string assessed;
        string withdrawn;
        using (var service = await HeldCaseAsync(Service()))
        {
            var reporter = service.ClientAs(Role.ReporterOfTheOrganisation);
            await (await reporter.PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
            assessed = (await (await service.ClientAs(Role.CoordinatorOfTheSchool).PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1")).JsonAsync()).GetRawText();
            withdrawn = (await (await reporter.PostAsync("/v1/signal-withdrawals", Withdrawal, "withdrawal-1")).JsonAsync()).GetRawText();
        }

        using var restarted = await RestartedAsync(Service);
        var school = restarted.ClientAs(Role.CoordinatorOfTheSchool);
        var version = await VersionAsync(restarted);
        var signals = restarted.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount;
        var audited = Audited(restarted);

        using var assessmentRetry = await school.PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1");
        using var withdrawalRetry = await restarted.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signal-withdrawals", Withdrawal, "withdrawal-1");
        using var anotherRequest = await school.PostAsync("/v1/cases/1/assessments", Assessment.Replace("false", "true", StringComparison.Ordinal), "assessment-1");
        var auditedAfter = Audited(restarted);

        Assert.Equal(audited, auditedAfter);
        Assert.Equal(assessed, (await assessmentRetry.JsonAsync()).GetRawText());
        Assert.Equal(withdrawn, (await withdrawalRetry.JsonAsync()).GetRawText());
        Assert.Equal("true", Assert.Single(assessmentRetry.Headers.GetValues(CareCoordinationApi.IdempotentReplayedHeader)));
        Assert.Equal("true", Assert.Single(withdrawalRetry.Headers.GetValues(CareCoordinationApi.IdempotentReplayedHeader)));
        await anotherRequest.ProblemAsync(409);
        Assert.Equal(version, await VersionAsync(restarted));
        Assert.Equal(signals, restarted.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task The_kept_keys_and_answers_hold_no_bsn()
    {
        var path = Path.Combine(_folder, "regional-index.db");
        using (var service = await HeldCaseAsync(new ServiceFactory(sqlitePath: path)))
        {
            var reporter = service.ClientAs(Role.ReporterOfTheOrganisation);
            await (await reporter.PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
            await (await service.ClientAs(Role.CoordinatorOfTheSchool).PutAsync("/v1/cases/1/case-holder", Youth, Http.Sam)).JsonAsync();
            await (await reporter.PostAsync("/v1/signal-withdrawals", Withdrawal, "withdrawal-" + Http.Sara)).JsonAsync();
        }

        using var restarted = new ServiceFactory(sqlitePath: path);
        var stored = string.Concat(((IEventStreamStore)restarted.Services.GetRequiredService<ISignalStore>()).ReadStreams(MemoryKind).SelectMany(s => s.Events).Select(e => e.Json));

        // The hashes of the key and the request are keyed through the BSN's pseudonym: trying every BSN finds neither.
        var plainKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Http.Sam)));
        var plainRequest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("PUT /v1/cases/1/case-holder\n" + Youth)));
        Assert.Contains("*****", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Http.Sam, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Http.Sara, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(plainKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(plainRequest, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_whose_write_a_crash_cut_off_before_its_answer_was_kept_is_refused_as_unknown_and_not_run_again()
    {
        var path = Path.Combine(_folder, "regional-index.db");
        using (var service = await HeldCaseAsync(new ServiceFactory(sqlitePath: path)))
        {
            await (await service.ClientAs(Role.CoordinatorOfTheSchool).PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1")).JsonAsync();
        }

        // What a kill -9 between the write's commit and its answer's leaves: the claim without the answer.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM stream_events WHERE kind = '{MemoryKind}' AND type = 'KeyAnswered'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var restarted = new ServiceFactory(sqlitePath: path);
        var version = await VersionAsync(restarted);

        var problem = await (await restarted.ClientAs(Role.CoordinatorOfTheSchool).PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1")).ProblemAsync(409);

        Assert.Contains("not known", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(version, await VersionAsync(restarted));
    }

    [Fact]
    public async Task A_refused_keyed_write_is_not_kept_so_its_retry_after_a_restart_runs()
    {
        var path = Path.Combine(_folder, "regional-index.db");
        using (var service = new ServiceFactory(sqlitePath: path))
        {
            // Nothing to withdraw yet: refused by R1, and the key is released.
            await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signal-withdrawals", Withdrawal, "withdrawal-1")).ProblemAsync(403);
            await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
        }

        using var restarted = new ServiceFactory(sqlitePath: path);
        using var retry = await restarted.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signal-withdrawals", Withdrawal, "withdrawal-1");

        await retry.JsonAsync();
        Assert.False(retry.Headers.Contains(CareCoordinationApi.IdempotentReplayedHeader));
        Assert.Equal(0, restarted.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task A_key_expires_after_the_regions_idempotency_window_and_leaves_the_store_at_the_next_start()
    {
        var path = Path.Combine(_folder, "regional-index.db");
        using (var service = await HeldCaseAsync(new ServiceFactory(sqlitePath: path)))
        {
            await (await service.ClientAs(Role.CoordinatorOfTheSchool).PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1")).JsonAsync();
        }

        using var restarted = new ServiceFactory(sqlitePath: path);
        restarted.Clock.Advance(NodaTime.Duration.FromHours(25));
        var version = await VersionAsync(restarted);
        var kept = ((IEventStreamStore)restarted.Services.GetRequiredService<ISignalStore>()).ReadStreams(MemoryKind).SelectMany(s => s.Events).ToList();

        using var late = await restarted.ClientAs(Role.CoordinatorOfTheSchool).PostAsync("/v1/cases/1/assessments", Assessment, "assessment-1");

        await late.JsonAsync();
        Assert.All(kept, e => Assert.Equal("""{"keys":[]}""", e.Json));
        Assert.NotEmpty(kept);
        Assert.False(late.Headers.Contains(CareCoordinationApi.IdempotentReplayedHeader));
        Assert.Equal(version + 1, await VersionAsync(restarted));
    }
    private const string Assessment = """{"problemDomains":["Parenting","Debt"],"coreProblem":"Debt","safetyThreatened":false}""";
    private static readonly string Youth = $$"""{"bsn":"{{Http.Sam}}"}""";
    private static readonly string Withdrawal = $$"""{"bsn":"{{Http.Sara}}","reason":"RiskGone"}""";

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

    /// <summary>
    /// The service started again on the same store. The first one's host is disposed on the sample's entry-point thread,
    /// which may still hold PostgreSQL's writer lock a moment after its factory was disposed: a start refused as a second
    /// writer is tried again.
    /// </summary>
    private static async Task<ServiceFactory> RestartedAsync(Func<ServiceFactory> create)
    {
        for (var attempt = 0; ; attempt++)
        {
            var service = create();
            try
            {
                _ = service.Services;
                return service;
            }
            catch (Exception e) when (attempt < 200 && IsStoreInUse(e))
            {
                await service.DisposeAsync();
                await Task.Delay(50);
            }
        }
    }

    private static bool IsStoreInUse(Exception? e) => e is not null && (e is StoreInUseException || IsStoreInUse(e.InnerException) || (e is AggregateException all && all.InnerExceptions.Any(IsStoreInUse)));

    private static int Audited(ServiceFactory service) =>
        service.Services.GetRequiredService<AuditTrail>().Count;

    private static async Task<ServiceFactory> HeldCaseAsync(ServiceFactory? factory = null)
    {
        var service = await CaseWorkEndpointsTests.MatchedAsync(factory);
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
