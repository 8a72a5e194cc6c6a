using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace CareCoordination.Sdk.Hosting.Tests;

/// <summary>Keeps every log entry of a host, at every level and category: the message, each structured value, the exception in full.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    public IEnumerable<Entry> Of(int eventId) => Entries.Where(e => e.EventId == eventId && e.Category.StartsWith("CareCoordination", StringComparison.Ordinal));

    /// <summary>Everything a log sink could receive from the host, as text.</summary>
    public string AllText() => string.Join("\n", Entries.Select(e => e.AllText));

    internal sealed record Entry(string Category, LogLevel Level, int EventId, string Message, string Values, string? Exception)
    {
        public string AllText => $"{Category} {Level} {EventId} {Message} {Values} {Exception}";
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            entries.Enqueue(new Entry(category, logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
