using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// Writes the desk's case changes: folds a change's events into the case, appends them to the case's stream at the
/// version the case was at, and only then puts the new case in the <see cref="CaseIndex"/>, saying how to put the old
/// one back should the operation's change set fail. At start-up it replays every case stream.
/// </summary>
/// <remarks>Not thread-safe: the <see cref="CoordinationDesk"/> calls it under its lock.</remarks>
internal sealed class CaseJournal(CaseIndex cases, DurableStreams streams, StreamDocuments documents)
{
    /// <summary>Opens a case with the number <see cref="CaseIndex.NextId"/> gave out.</summary>
    public CoordinationCase Open(CaseOpened opening)
    {
        var opened = CoordinationCase.Open(opening);
        Append(opened.Id, 0, opened.History);
        cases.Open(opened);
        streams.OnUndo(() => cases.Unopen(opened));
        return opened;
    }

    /// <summary>Records a change of one or more events, all or none: a step the case refuses throws before anything is written.</summary>
    public CoordinationCase Record(CoordinationCase current, params CaseEvent[] events)
    {
        var next = current;
        foreach (var e in events)
        {
            next = next.Apply(e);
        }

        Append(current.Id, current.Version, events);
        cases.Store(current, next);
        streams.OnUndo(() => cases.Restore(next, current));
        return next;
    }

    /// <summary>Replays every case from its stream.</summary>
    public void Rebuild(IReadOnlyList<StoredHistory> histories)
    {
        foreach (var stream in histories)
        {
            StreamDocuments.Rebuild(stream, () => cases.Load(CoordinationCase.Replay(documents.ReadCase(stream))));
        }
    }

    private void Append(CaseId @case, int expectedVersion, IReadOnlyList<CaseEvent> events) =>
        streams.Append(StreamDocuments.Case, @case.Value.ToString(CultureInfo.InvariantCulture), expectedVersion, [.. events.Select(documents.Write)]);
}
