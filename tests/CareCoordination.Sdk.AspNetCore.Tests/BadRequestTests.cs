using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>
/// Generated bad requests — malformed JSON, wrong BSNs, unknown or missing fields, wrong enum values and dates, wrong
/// JSON types, oversized bodies — each answered with a problem+json that says what is wrong, and none changes anything.
/// </summary>
public sealed class BadRequestTests
{
    private const int Count = 2500;

    private static readonly string[] Paths =
    [
        "/v1/signals", "/v1/signal-batches", "/v1/signal-withdrawals", "/v1/signals/search",
        "/v1/case-intakes", "/v1/cases/1/assessments", "/v1/cases/1/case-holder", "/v1/cases/1/handovers",
        "/v1/cases/1/plan/actions", "/v1/cases/1/plan/reviews", "/v1/cases/1/plan/enforcement-orders", "/v1/families/1",
        "/v1/cases/1/coordinator-assignments", "/v1/cases/1/feedback-reports", "/v1/cases/1/plan/goals",
        "/v1/cases/1/plan/actions/1/completions", "/v1/cases/1/plan/escalation-checks",
    ];

    // The endpoints of cases, plans and families: a good body, and the literals a generated bad request replaces.
    // The endpoints of cases, plans and families: a good body, and the literals a generated bad request replaces — each
    // chosen so that every replacement breaks the JSON, its types or its values.
    private static readonly Dictionary<string, (string Body, string Enum, string? Date, string Value)> CaseWork = new()
    {
        ["/v1/case-intakes"] = ($$"""{"youths":["{{Http.Sam}}"],"route":"CareNetwork","meeting":"ZAT"}""", "\"CareNetwork\"", null, $$"""["{{Http.Sam}}"]"""),
        ["/v1/cases/1/assessments"] = ("""{"problemDomains":["Parenting","Debt"],"coreProblem":"Debt","safetyThreatened":false,"expectedVersion":1}""", "\"Debt\"", null, "false"),
        ["/v1/cases/1/case-holder"] = ($$"""{"bsn":"{{Http.Sam}}","expectedVersion":1}""", "\"bsn\"", null, ":1}"),
        ["/v1/cases/1/handovers"] = ("""{"youthProtection":3,"measure":"SupervisionOrder","agreements":"a year","involvedOrganisations":[4],"feedbackIntervalDays":42}""", "\"SupervisionOrder\"", null, "42"),
        ["/v1/cases/1/plan/actions"] = ("""{"goal":1,"kind":"Help","description":"debt counselling","owner":2,"professional":201,"due":"2026-12-14","expectedVersion":2}""", "\"Help\"", "\"2026-12-14\"", "201"),
        ["/v1/cases/1/plan/reviews"] = ("""{"progress":{"1":"on track"},"reached":[1],"expectedVersion":3}""", "[1]", null, ":3}"),
        ["/v1/cases/1/plan/enforcement-orders"] = ("""{"provider":2,"ordered":"within a week","by":"2027-01-04","decidedBy":801,"expectedVersion":3}""", "\"provider\":2", "\"2027-01-04\"", "801"),
        ["/v1/families/1"] = ($$"""{"youths":["{{Http.Sam}}"],"carers":["{{Http.Sara}}"]}""", "[", null, $$"""["{{Http.Sara}}"]"""),
        ["/v1/cases/1/coordinator-assignments"] = ("""{"coordinator":1,"expectedVersion":1}""", "\"coordinator\"", null, ":1}"),
        ["/v1/cases/1/feedback-reports"] = ($$"""{"bsn":"{{Http.Sam}}","expectedVersion":1}""", "\"bsn\"", null, ":1}"),
        ["/v1/cases/1/plan/goals"] = ("""{"description":"the debts are under control","expectedVersion":1}""", "\"description\"", null, ":1}"),
        ["/v1/cases/1/plan/actions/1/completions"] = ("""{"expectedVersion":3}""", "\"expectedVersion\"", null, ":3}"),
        ["/v1/cases/1/plan/escalation-checks"] = ("""{"expectedVersion":3}""", "\"expectedVersion\"", null, ":3}"),
    };

    [Fact]
    public async Task Thousands_of_generated_bad_requests_are_each_answered_400_with_problem_json_and_change_nothing()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);
        var feed = service.ClientAs(Role.PopulationRegisterFeed);
        var director = service.ClientAs(Role.Director);
        await (await client.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        var before = State(service);

        var failures = new List<string>();
        var requests = BadRequests().Sample(Count, 20);
        Assert.Equal(Count, requests.Length);
        foreach (var (path, body, status) in requests)
        {
            var response = path.StartsWith("/v1/families/", StringComparison.Ordinal) ? await feed.PutAsync(path, body)
                : path.EndsWith("/case-holder", StringComparison.Ordinal) ? await client.PutAsync(path, body)
                : path.EndsWith("/coordinator-assignments", StringComparison.Ordinal) ? await director.PostAsync(path, body)
                : await client.PostAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != status || response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !text.Contains("\"detail\"", StringComparison.Ordinal))
            {
                failures.Add($"{path} {Shorten(body)} -> {(int)response.StatusCode} {text}");
            }
            else if (text.Contains(Http.Sam, StringComparison.Ordinal))
            {
                failures.Add($"{path}: the problem repeats a BSN: {text}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Count} bad requests were not refused as they should be:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(20))}");
        Assert.Equal(before, State(service));
    }

    private static string State(ServiceFactory service)
    {
        var index = service.Services.GetRequiredService<ReferenceIndex>();
        var feed = service.Services.GetRequiredService<NotificationFeed>();
        var notifications = string.Join(",", new[] { TestRegion.School, TestRegion.SocialWork }.Select(o => feed.Read(o, 0, NotificationFeed.MaxPageSize).Cursor));
        var desk = service.Services.GetRequiredService<CareCoordination.Sdk.Coordination.Desk.CoordinationDesk>();
        var plans = service.Services.GetRequiredService<CareCoordination.Sdk.Plans.Book.PlanBook>();
        var cases = System.Text.Json.JsonSerializer.Serialize(desk.GetOverview(), CareCoordination.Sdk.Serialization.CareCoordinationJson.Options)
            + System.Text.Json.JsonSerializer.Serialize(plans.GetOverview(), CareCoordination.Sdk.Serialization.CareCoordinationJson.Options);
        return $"cases {cases}, active {index.ActiveSignalCount}, archived {index.ArchivedSignalCount}, audit {service.Services.GetRequiredService<AuditTrail>().Count}, feeds {notifications}, stored audit {service.Store.Audit.Records.Count}";
    }

    private static string Shorten(string body) => body.Length > 200 ? body[..200] + "…" : body;

    private static Gen<(string Path, string Body, int Status)> BadRequests()
    {
        var path = Gen.Elements(Paths);
        var badBsn = Gen.OneOf(
            Gen.Choose(100_000_000, 999_999_999).Where(n => !Identity.Bsn.TryParse(n.ToString(System.Globalization.CultureInfo.InvariantCulture), out _)).Select(n => $"\"{n}\""),
            Gen.Choose(1, 99_999_999).Select(n => $"\"{n}\"").Where(s => s.Length < 10),
            Gen.Elements("\"*****2333\"", "\"11122233a\"", "\"\"", "\"1112223330\"", "null", "{}", "[]", "true", "111222334"));
        var badDate = Gen.Elements("\"2017-13-01\"", "\"2017-02-30\"", "\"12-04-2017\"", "\"\"", "\"yesterday\"", "\"2017-04-12T00:00:00\"", "20170412", "null", "\"0000-00-00\"");
        var badCriterion = Gen.OneOf(
            Gen.Elements("\"\"", "\"violence\"", "3", "null", "\"None\"", "[]"),
            Gen.Choose(0, 1_000_000).Select(n => $"\"Criterion{n}\""));
        var badReason = Gen.Elements("\"\"", "\"Expired\"", "1", "null", "\"riskgone!\"", "{}");
        var unknownField = Gen.Choose(0, 1_000_000).Select(n => $"\"extra{n}\":1,");

        Gen<string> Signal(Gen<string> bsn, Gen<string> date, Gen<string> criterion) =>
            from b in bsn
            from d in date
            from c in criterion
            select $$"""{"bsn":{{b}},"dateOfBirth":{{d}},"criterion":{{c}}}""";

        var goodBsn = Gen.Constant($"\"{Http.Sam}\"");
        var goodDate = Gen.Constant("\"2017-04-12\"");
        var goodCriterion = Gen.Constant("\"SeriousUpbringingProblems\"");
        var badSignal = Gen.OneOf(
            Signal(badBsn, goodDate, goodCriterion),
            Signal(goodBsn, badDate, goodCriterion),
            Signal(goodBsn, goodDate, badCriterion),
            from f in unknownField select "{" + f + Http.SignalBody()[1..],
            Gen.Elements($$"""{"dateOfBirth":"2017-04-12","criterion":"SeriousUpbringingProblems"}""", $$"""{"bsn":"{{Http.Sam}}","criterion":"SeriousUpbringingProblems"}""", "{}", "[]", "null", "\"text\"", "42"));

        // Per endpoint: a bad body of its own shape, malformed JSON (a good body cut short), or an oversized body.
        return from p in path
               from kind in Gen.Choose(0, 9)
               from cut in Gen.Choose(1, 40)
               from signal in badSignal
               from b in badBsn
               from r in badReason
               from f in unknownField
               let good = GoodBody(p)
               select kind switch
               {
                   0 => (p, good[..Math.Min(cut, good.Length - 1)], 400),
                   1 => (p, good + new string(' ', 70_000), 400),
                   _ => (p, BadBody(p, signal, b, r, f), 400),
               };
    }

    private static string GoodBody(string path) => path switch
    {
        _ when CaseWork.TryGetValue(path, out var work) => work.Body,
        "/v1/signals" => Http.SignalBody(),
        "/v1/signal-batches" => $$"""{"registrations":[{{Http.SignalBody()}}]}""",
        "/v1/signal-withdrawals" => $$"""{"bsn":"{{Http.Sam}}","reason":"RiskGone"}""",
        _ => $$"""{"bsn":"{{Http.Sam}}"}""",
    };

    private static string BadBody(string path, string signal, string bsn, string reason, string unknownField) => path switch
    {
        _ when CaseWork.TryGetValue(path, out var work) => (signal.Length % 5) switch
        {
            // A wrong BSN where the body has one, or else a wrong JSON type.
            0 => work.Body.Contains(Http.Sam, StringComparison.Ordinal) ? work.Body.Replace($"\"{Http.Sam}\"", bsn, StringComparison.Ordinal) : work.Body.Replace(work.Value, "{}", StringComparison.Ordinal),
            1 => work.Body.Replace(work.Enum, reason, StringComparison.Ordinal),
            2 => work.Date is { } date ? work.Body.Replace(date, "\"2026-02-30\"", StringComparison.Ordinal) : "{" + unknownField + work.Body[1..],
            3 => work.Body.Replace(work.Value, "\"twelve\"", StringComparison.Ordinal),
            _ => "{" + unknownField + work.Body[1..],
        },
        "/v1/signals" => signal,
        "/v1/signal-batches" => $$"""{"registrations":[{{Http.SignalBody()}},{{signal}}]}""",
        "/v1/signal-withdrawals" => (signal.Length % 3) switch
        {
            0 => $$"""{"bsn":{{bsn}},"reason":"RiskGone"}""",
            1 => $$"""{"bsn":"{{Http.Sam}}","reason":{{reason}}}""",
            _ => $$"""{{{unknownField}}"bsn":"{{Http.Sam}}","reason":"RiskGone"}""",
        },
        _ => signal.Length % 2 == 0 ? $$"""{"bsn":{{bsn}}}""" : $$"""{{{unknownField}}"bsn":"{{Http.Sam}}"}""",
    };
}
