using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;

namespace CareCoordination.Sdk.Testing;

/// <summary>An observer that records every event of the reference index in order, for assertions in tests.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class RecordingObserver : IReferenceIndexObserver
{
    private readonly Lock _gate = new();
    private readonly List<object> _events = [];

    /// <summary>Gets a copy of the events recorded so far, boxed, in order.</summary>
    public IReadOnlyList<object> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Gets the recorded events of one type, in order.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <returns>The events.</returns>
    public IReadOnlyList<T> Of<T>()
    {
        lock (_gate)
        {
            return _events.OfType<T>().ToList();
        }
    }

    /// <summary>Forgets what was recorded.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }

    /// <inheritdoc/>
    public void OnSignalRegistered(in SignalRegistered e) => Record(e);

    /// <inheritdoc/>
    public void OnSignalRenewed(in SignalRenewed e) => Record(e);

    /// <inheritdoc/>
    public void OnSignalWithdrawn(in SignalWithdrawn e) => Record(e);

    /// <inheritdoc/>
    public void OnSignalExpired(in SignalExpired e) => Record(e);

    /// <inheritdoc/>
    public void OnSignalArchived(in SignalArchived e) => Record(e);

    /// <inheritdoc/>
    public void OnSignalRemoved(in SignalRemoved e) => Record(e);

    /// <inheritdoc/>
    public void OnMatchFound(in MatchFound e) => Record(e);

    /// <inheritdoc/>
    public void OnYouthMoved(in YouthMoved e) => Record(e);

    private void Record(object e)
    {
        lock (_gate)
        {
            _events.Add(e);
        }
    }
}
