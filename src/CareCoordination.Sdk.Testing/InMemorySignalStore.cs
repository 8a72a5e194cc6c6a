using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Testing;

/// <summary>
/// A store that keeps everything in memory with the same contract as the durable stores: commits are atomic, erasure
/// removes a signal and every event that named it. Use it in vendors' tests; it can be told to refuse the next commit,
/// to prove that a refused write leaves the index as it was.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemorySignalStore : ISignalStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, StoredSignal> _signals = [];
    private readonly List<StoredEvent> _events = [];
    private readonly Dictionary<int, StoredFamily> _families = [];
    private readonly Dictionary<string, StoredIdempotencyKey> _keys = new(StringComparer.Ordinal);

    // The highest identifier erased, as a durable store keeps it: identifiers come from the store, never reused.
    private long _erasedHighWater;
    private Exception? _nextFailure;
    private string? _youthKeying;

    /// <summary>Gets a copy of the stored signals, in identifier order.</summary>
    public IReadOnlyList<StoredSignal> Signals
    {
        get
        {
            lock (_gate)
            {
                return [.. _signals.Values];
            }
        }
    }

    /// <summary>Gets a copy of the stored idempotency keys.</summary>
    public IReadOnlyList<StoredIdempotencyKey> IdempotencyKeys
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys.Values];
            }
        }
    }

    /// <summary>Gets a copy of the stored events, in the order they were committed.</summary>
    public IReadOnlyList<StoredEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Makes the next commit throw <paramref name="failure"/> without writing anything.</summary>
    /// <param name="failure">The exception to throw.</param>
    public void FailNextCommit(Exception failure)
    {
        lock (_gate)
        {
            _nextFailure = failure ?? throw new ArgumentNullException(nameof(failure));
        }
    }

    /// <inheritdoc/>
    public void Load(IStoredIndexSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_gate)
        {
            foreach (var signal in _signals.Values)
            {
                sink.Add(signal);
            }

            foreach (var family in _families.Values)
            {
                sink.Add(family);
            }

            foreach (var key in _keys.Values)
            {
                sink.Add(key with { Signals = [] });
            }

            if (_erasedHighWater > 0)
            {
                sink.SignalIdsUsedUpTo(new SignalId(_erasedHighWater));
            }
        }
    }

    /// <inheritdoc/>
    public void Commit(SignalCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            if (_nextFailure is { } failure)
            {
                _nextFailure = null;
                throw failure;
            }

            foreach (var erased in commit.Erasures)
            {
                _signals.Remove(erased.Value);
                _erasedHighWater = Math.Max(_erasedHighWater, erased.Value);
                _events.RemoveAll(e => e.Signal == erased);
                for (var i = 0; i < _events.Count; i++)
                {
                    if (_events[i].OtherSignal == erased)
                    {
                        _events[i] = _events[i].WithoutErasedParty();
                    }
                }
                foreach (var key in _keys.Values.Where(k => k.Signals.Contains(erased)).ToArray())
                {
                    _keys.Remove(key.Key);
                }
            }

            if (commit.ForgetIdempotencyKeysUpTo is { } cutoff)
            {
                foreach (var key in _keys.Values.Where(k => k.At <= cutoff).ToArray())
                {
                    _keys.Remove(key.Key);
                }
            }

            foreach (var key in commit.ForgetIdempotencyKeys)
            {
                _keys.Remove(key);
            }

            foreach (var key in commit.IdempotencyKeys)
            {
                _keys[key.Key] = key;
            }

            foreach (var signal in commit.Upserts)
            {
                _signals[signal.Id.Value] = signal;
            }

            _events.AddRange(commit.Events);
        }
    }

    /// <inheritdoc/>
    public void SaveFamily(StoredFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        lock (_gate)
        {
            _families[family.Id.Value] = family;
        }
    }

    /// <inheritdoc/>
    public void RemoveFamily(FamilyId family)
    {
        lock (_gate)
        {
            _families.Remove(family.Value);
        }
    }

    /// <summary>Gets the stored events about one signal, in order.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<StoredEvent> EventsOf(SignalId signal)
    {
        lock (_gate)
        {
            return _events.Where(e => e.Signal == signal || e.OtherSignal == signal).ToList();
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
}
