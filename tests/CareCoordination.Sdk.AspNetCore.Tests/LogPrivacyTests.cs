using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>A BSN never appears in a log line: the service is run with every category at Trace and every line is scanned.</summary>
public sealed class LogPrivacyTests
{
    // A number that fails the elfproef: a vendor's typo, which must not reach the log either.
    private const string NotABsn = "123456789";

    [Fact]
    public async Task A_day_of_registrations_matches_reads_refusals_and_bad_requests_at_trace_level_logs_no_BSN()
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };
        using (var service = new ServiceFactory(settings: settings, testServices: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))))
        {
            var school = service.ClientAs(Role.ReporterOfTheOrganisation);
            var socialWork = service.ClientAs(Role.ReporterOfAnotherOrganisation);
            await (await school.PostAsync("/v1/signals", Http.SignalBody(), "log-1")).JsonAsync();
            await (await socialWork.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
            await (await school.PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
            await (await school.PostAsync("/v1/signals/search", $$"""{"bsn":"{{Http.Sam}}"}""")).JsonAsync();
            await (await socialWork.PostAsync("/v1/signals/search", $$"""{"bsn":"{{Http.Sara}}"}""")).ProblemAsync(403);
            await (await school.PostAsync("/v1/signals", Http.SignalBody(NotABsn))).ProblemAsync(400);
            await (await school.PostAsync("/v1/signals", $$"""{"bsn":"{{Http.Sam}}","dateOfBirth":"not a date","criterion":"seriousUpbringingProblems"}""")).ProblemAsync(400);
            await (await school.PostAsync("/v1/signal-withdrawals", $$"""{"bsn":"{{Http.Sara}}","reason":"NoSuchReason"}""")).ProblemAsync(400);
            await (await school.PostAsync("/v1/signal-withdrawals", $$"""{"bsn":"{{Http.Sara}}","reason":"RiskGone"}""")).JsonAsync();
            await (await service.ClientAs(Role.PopulationRegisterFeed).PutAsync("/v1/families/1", $$"""{"youths":["{{Http.Sam}}","{{Http.Sara}}"],"carers":[]}""")).Content.ReadAsStringAsync();
        }

        var lines = logs.Lines.ToList();
        Assert.True(lines.Count > 20, $"the scan must see the service's logging; it saw {lines.Count} lines");
        foreach (var number in new[] { Http.Sam, Http.Sara, NotABsn })
        {
            Assert.DoesNotContain(lines, line => line.Contains(number, StringComparison.Ordinal));
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue(category + " scope: " + state);
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var structured = state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(' ', values.Select(v => v.Key + "=" + v.Value)) : string.Empty;
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
            }
        }
    }
}
