using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Index;

/// <summary>A batch of registrations under way: its store commits, how to undo its changes, and what to raise once it is on disk.</summary>
internal sealed class PendingBatch(long lastId, int activeCount, int archivedCount)
{
    public long LastId { get; } = lastId;

    public int ActiveCount { get; } = activeCount;

    public int ArchivedCount { get; } = archivedCount;

    /// <summary>Gets the youth keys whose chains the batch changed, so reads of them wait until it is durable.</summary>
    public HashSet<int> Youths { get; } = [];

    /// <summary>Gets or sets a value indicating whether the batch changed a family, so family reads wait until it is durable.</summary>
    public bool ChangedFamilies { get; set; }

    public List<SignalCommit> Commits { get; } = [];

    public List<Action> Undo { get; } = [];

    public List<Action> Deferred { get; } = [];

    // Every part of every commit is carried, the forgetting of keys too: a batch that drops one would keep keys the
    // expiry sweep in it meant to forget.
    public static SignalCommit Merge(List<SignalCommit> commits) =>
        commits.Count == 1
            ? commits[0]
            : new SignalCommit([.. commits.SelectMany(c => c.Upserts)], [.. commits.SelectMany(c => c.Erasures)], [.. commits.SelectMany(c => c.Events)])
            {
                IdempotencyKeys = [.. commits.SelectMany(c => c.IdempotencyKeys)],
                ForgetIdempotencyKeys = [.. commits.SelectMany(c => c.ForgetIdempotencyKeys)],
                ForgetIdempotencyKeysUpTo = commits.Max(c => c.ForgetIdempotencyKeysUpTo),
            };
}
