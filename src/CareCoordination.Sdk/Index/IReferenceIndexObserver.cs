using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;

namespace CareCoordination.Sdk.Index;

/// <summary>
/// Receives the reference index's domain events, in the order they happened, so that coordination, privacy and
/// persistence can follow the index. Implement only the methods you need; the others do nothing.
/// </summary>
/// <remarks>
/// The index calls observers while it holds its write lock, so that every observer sees one order of events and
/// never an event of a registration that a concurrent reader cannot see yet. Keep the work short and never call
/// back into the index from an observer. The index changes its state before it raises the events of that change, so an
/// exception from an observer propagates to the caller of the change that has already happened.
/// </remarks>
public interface IReferenceIndexObserver
{
    /// <summary>A new signal was registered.</summary>
    /// <param name="e">The event.</param>
    void OnSignalRegistered(in SignalRegistered e)
    {
    }

    /// <summary>A signal was renewed.</summary>
    /// <param name="e">The event.</param>
    void OnSignalRenewed(in SignalRenewed e)
    {
    }

    /// <summary>A signal was withdrawn by its organisation.</summary>
    /// <param name="e">The event.</param>
    void OnSignalWithdrawn(in SignalWithdrawn e)
    {
    }

    /// <summary>A signal's lifetime ended.</summary>
    /// <param name="e">The event.</param>
    void OnSignalExpired(in SignalExpired e)
    {
    }

    /// <summary>A signal moved to the historical archive.</summary>
    /// <param name="e">The event.</param>
    void OnSignalArchived(in SignalArchived e)
    {
    }

    /// <summary>A signal was removed for good.</summary>
    /// <param name="e">The event.</param>
    void OnSignalRemoved(in SignalRemoved e)
    {
    }

    /// <summary>A registration found a match.</summary>
    /// <param name="e">The event.</param>
    void OnMatchFound(in MatchFound e)
    {
    }

    /// <summary>A family was added, replaced or removed.</summary>
    /// <param name="e">The event.</param>
    void OnFamilyChanged(in FamilyChanged e)
    {
    }

    /// <summary>
    /// Called when a youth with active signals moved: the feed gave the youth's family at another address. A participant
    /// hears it inside the operation; any other observer once the family's new address is durable.
    /// </summary>
    /// <param name="e">The event.</param>
    void OnYouthMoved(in YouthMoved e)
    {
    }
}
