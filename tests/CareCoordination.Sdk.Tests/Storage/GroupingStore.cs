using System.Collections.Generic;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// A store in front of a real one that holds the change sets it is handed and writes them as one merged change set when
/// told, merged with ChangeSet.AddAll as the group committer merges concurrent operations: it lets a test choose which
/// operations share a commit.
/// </summary>
internal sealed class GroupingStore(ICareCoordinationStore inner) : ChangeSetStore(inner)
{
    private readonly ICareCoordinationStore _inner = inner;
    private readonly List<ChangeSet> _held = [];

    /// <summary>Writes every held change set to the real store as one, in the order they were handed over.</summary>
    public void Flush()
    {
        if (_held.Count == 0)
        {
            return;
        }

        var merged = new ChangeSet();
        foreach (var changes in _held)
        {
            merged.AddAll(changes);
        }

        _held.Clear();
        _inner.Commit(merged);
    }

    public override void Commit(ChangeSet changes) => _held.Add(changes);
}
