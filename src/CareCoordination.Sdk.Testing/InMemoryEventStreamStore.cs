using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Testing;

/// <summary>An <see cref="IEventStreamStore"/> in memory, for tests: it keeps what a durable store would, checks versions the same way, and can refuse the next write.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryEventStreamStore : IEventStreamStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, List<StreamEvent>>> _streams = [];
    private bool _failNext;
    private string? _youthKeying;

    /// <summary>Makes the next append or erasure throw, as a full disk would.</summary>
    public void FailNextWrite()
    {
        lock (_gate)
        {
            _failNext = true;
        }
    }

    /// <inheritdoc/>
    public string? ReadYouthKeying()
    {
        lock (_gate)
        {
            return _youthKeying;
        }
    }

    /// <inheritdoc/>
    public void WriteYouthKeying(string keying)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keying);
        lock (_gate)
        {
            _youthKeying = keying;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredHistory> ReadStreams(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        lock (_gate)
        {
            return [.. Streams(kind).Select(s => new StoredHistory(kind, s.Key, [.. s.Value]))];
        }
    }

    /// <inheritdoc/>
    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            ThrowIfTold();
            var streams = Streams(kind);
            var stored = streams.GetValueOrDefault(stream);
            var actual = stored?.Count ?? 0;
            if (actual != expectedVersion)
            {
                throw new StreamVersionConflictException(kind, stream, expectedVersion, actual);
            }

            if (stored is null)
            {
                streams[stream] = stored = [];
            }

            stored.AddRange(events);
        }
    }

    /// <inheritdoc/>
    public void EraseStream(string kind, string stream, StreamEvent tombstone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(tombstone);
        lock (_gate)
        {
            ThrowIfTold();
            Streams(kind)[stream] = [tombstone];
        }
    }

    private SortedDictionary<string, List<StreamEvent>> Streams(string kind)
    {
        if (!_streams.TryGetValue(kind, out var streams))
        {
            _streams[kind] = streams = new(StringComparer.Ordinal);
        }

        return streams;
    }

    private void ThrowIfTold()
    {
        if (_failNext)
        {
            _failNext = false;
            throw new InvalidOperationException("The in-memory event stream store was told to refuse this write.");
        }
    }
}
