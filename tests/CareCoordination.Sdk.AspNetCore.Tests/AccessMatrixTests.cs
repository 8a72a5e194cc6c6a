using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>
/// Every endpoint × every role, on a region where the school (the organisation) and youth protection have a signal on
/// Sam, a match that opened case 1, and the youth and family centre signalled too and holds the case through the care
/// coordinator's professional: each cell's status — a 404 or 422 behind an allowed access rule says the case or plan
/// is not in the state the call needs — and for every 401 and 403 a problem+json that names the access rule.
/// </summary>
public sealed class AccessMatrixTests
{
    private static readonly Role YouthProtection = new("reporter of youth protection", [.. Role.ReporterOfTheOrganisation.Claims!.Select(c => c.Type switch
    {
        CareCoordinationClaims.Organisation => (c.Type, "3"),
        CareCoordinationClaims.Professional => (c.Type, "301"),
        _ => c,
    })]);

    private static readonly string Bsn = $$"""{"bsn":"{{Http.Sam}}"}""";

    // Columns: reporter of the organisation, reporter of another organisation, match coordinator, care coordinator, director, auditor, anonymous, population register feed.
    private static readonly (string Method, string Path, string? Body, int[] Expected)[] Endpoints =
    [
        ("POST", "/v1/signals", Http.SignalBody(), [200, 200, 403, 403, 403, 403, 401, 403]),
        ("POST", "/v1/signal-batches", $$"""{"registrations":[{{Http.SignalBody()}}]}""", [200, 200, 403, 403, 403, 403, 401, 403]),
        ("POST", "/v1/signal-withdrawals", $$"""{"bsn":"{{Http.Sam}}","reason":"RiskGone"}""", [200, 403, 403, 403, 403, 403, 401, 403]),
        ("GET", "/v1/notifications", null, [200, 200, 200, 200, 403, 403, 401, 403]),
        ("POST", "/v1/signals/search", Bsn, [200, 403, 403, 403, 403, 403, 401, 403]),
        ("POST", "/v1/match-contacts/search", Bsn, [403, 403, 403, 403, 403, 403, 401, 403]),
        ("POST", "/v1/information-obligations/search", Bsn, [200, 403, 403, 403, 403, 403, 401, 403]),
        ("GET", "/v1/cases/1", null, [403, 403, 403, 200, 403, 403, 401, 403]),
        ("GET", "/v1/cases/1/plan", null, [403, 403, 403, 404, 403, 403, 401, 403]),
        ("POST", "/v1/subject-access-requests", $$"""{"bsn":"{{Http.Sam}}","dateOfBirth":"2017-04-12","requestedBy":"Parents"}""", [403, 403, 403, 403, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/consents", $$"""{"bsn":"{{Http.Sam}}","dateOfBirth":"2017-04-12","purpose":"Coordination","recipients":[2],"givenBy":"Parents"}""", [403, 403, 403, 200, 403, 403, 401, 403]),
        ("DELETE", "/v1/cases/1/consents/1", null, [403, 403, 403, 404, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/legal-bases", $$"""{"bsn":"{{Http.Sam}}","basis":"SeriouslyThreateningSituation","justification":"acute danger","recipients":[2],"validForDays":30}""", [403, 403, 403, 200, 403, 403, 401, 403]),
        ("GET", "/v1/audit-trail", null, [403, 403, 403, 403, 403, 200, 401, 403]),
        ("POST", "/v1/audit-trail/key-rotations", null, [403, 403, 403, 403, 403, 409, 401, 403]),
        ("POST", "/v1/signals/1/informing-records", """{"informed":"Parents"}""", [200, 403, 403, 403, 403, 403, 401, 403]),
        ("POST", "/v1/signals/1/informing-postponements", """{"reason":"informing now would endanger the child"}""", [200, 403, 403, 403, 403, 403, 401, 403]),
        ("GET", "/v1/coordination-overview", null, [403, 403, 403, 403, 200, 403, 401, 403]),
        ("POST", "/v1/case-intakes", $$"""{"youths":["{{Http.Sam}}"],"route":"CareNetwork"}""", [200, 200, 200, 200, 403, 403, 401, 403]),
        ("PUT", "/v1/cases/1/case-holder", Bsn, [200, 403, 403, 200, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/assessments", """{"problemDomains":["Parenting","Debt"],"coreProblem":"Debt","safetyThreatened":false}""", [403, 403, 403, 200, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/coordinator-assignments", "{}", [403, 403, 403, 403, 422, 403, 401, 403]),
        ("POST", "/v1/cases/1/handovers", """{"youthProtection":3,"measure":"SupervisionOrder","agreements":"supervision order for a year","involvedOrganisations":[4],"feedbackIntervalDays":42}""", [403, 403, 403, 200, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/feedback-reports", Bsn, [422, 403, 403, 422, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/plan", null, [403, 403, 403, 201, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/plan/goals", """{"description":"the debts are under control","expectedVersion":1}""", [403, 403, 403, 422, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/plan/actions", """{"goal":1,"kind":"Help","description":"debt counselling","owner":2,"professional":201,"due":"2026-12-14","expectedVersion":2}""", [403, 403, 403, 422, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/plan/actions/1/completions", """{"expectedVersion":3}""", [403, 403, 403, 422, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/plan/reviews", """{"progress":{"1":"on track"},"reached":[],"expectedVersion":3}""", [403, 403, 403, 422, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/plan/escalation-checks", """{"expectedVersion":3}""", [403, 403, 403, 422, 403, 403, 401, 403]),
        ("POST", "/v1/cases/1/plan/enforcement-orders", """{"provider":2,"ordered":"start within a week","by":"2026-12-14","decidedBy":701,"expectedVersion":3}""", [403, 403, 403, 422, 403, 403, 401, 403]),
        ("PUT", "/v1/families/1", $$"""{"youths":["{{Http.Sam}}"],"carers":["{{Http.Sara}}"]}""", [403, 403, 403, 403, 403, 403, 401, 204]),
    ];

    public static TheoryData<string, string> Rows
    {
        get
        {
            var rows = new TheoryData<string, string>();
            foreach (var (method, path, _, _) in Endpoints)
            {
                rows.Add(method, path);
            }

            return rows;
        }
    }

    [Fact]
    public void Every_route_the_service_maps_has_a_row_in_the_matrix()
    {
        using var service = new ServiceFactory();
        service.CreateClient().Dispose();
        var mapped = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        var rows = Endpoints.Select(e => (e.Method, Route: Template(e.Path))).ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Where(r => !rows.Contains((r.Method, Template(r.Route)))).Select(r => $"{r.Method} {r.Route}"));
    }

    // A row names a concrete path, a route its template: both become the path with every parameter or number as {}.
    private static string Template(string path) =>
        string.Join('/', path.Split('?')[0].Split('/').Select(segment => segment.StartsWith('{') || (segment.Length > 0 && segment.All(char.IsAsciiDigit)) ? "{}" : segment));

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_role_gets_the_answer_its_access_rules_allow_and_a_refusal_names_the_rule(string method, string path)
    {
        var (_, _, body, expected) = Endpoints.Single(e => e.Method == method && e.Path == path);
        var failures = new List<string>();
        for (var i = 0; i < Role.Matrix.Count; i++)
        {
            using var service = new ServiceFactory();
            await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
            await (await service.ClientAs(YouthProtection).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
            CaseHolding.ByTheYouthAndFamilyCentre(service);
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            var response = await service.ClientAs(Role.Matrix[i]).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != expected[i])
            {
                failures.Add($"{Role.Matrix[i]}: expected {expected[i]}, got {(int)response.StatusCode} {text}");
                continue;
            }

            if (expected[i] is 401 or 403)
            {
                var problem = await response.ProblemAsync(expected[i]);
                if (!problem.TryGetProperty("rule", out var rule) || string.IsNullOrWhiteSpace(rule.GetString()))
                {
                    failures.Add($"{Role.Matrix[i]}: the {expected[i]} names no rule: {text}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
