using System.Collections.Generic;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// One change of the reference index that a store writes atomically — all of it or nothing — before the index makes
/// it visible: signals written, signals erased (with every event that named them), and the events of the change.
/// </summary>
/// <param name="Upserts">Signals to insert or overwrite.</param>
/// <param name="Erasures">Signals to erase for good, with their events.</param>
/// <param name="Events">The domain events of the change, in order.</param>
public sealed record SignalCommit(IReadOnlyList<StoredSignal> Upserts, IReadOnlyList<SignalId> Erasures, IReadOnlyList<StoredEvent> Events);
