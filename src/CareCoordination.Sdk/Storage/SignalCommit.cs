using System.Collections.Generic;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// One change of the reference index that a store writes atomically — all of it or nothing — before the index makes
/// it visible: signals written, signals erased (with their own events, not another party's match events that name them; a remembered answer that only matched them stays until its key expires), the events of
/// the change, and the idempotency keys it answered.
/// </summary>
/// <param name="Upserts">Signals to insert or overwrite.</param>
/// <param name="Erasures">Signals to erase for good, with their events.</param>
/// <param name="Events">The domain events of the change, in order.</param>
public sealed record SignalCommit(IReadOnlyList<StoredSignal> Upserts, IReadOnlyList<SignalId> Erasures, IReadOnlyList<StoredEvent> Events)
{
    /// <summary>Gets the idempotency keys to write (or overwrite, when an expired key is used again) with their answers.</summary>
    public IReadOnlyList<StoredIdempotencyKey> IdempotencyKeys { get; init; } = [];

    /// <summary>
    /// Gets idempotency keys to delete with their answers before <see cref="IdempotencyKeys"/> are written: keys a store
    /// written before keys were hashed holds in clear, which the index writes again hashed when it opens.
    /// </summary>
    public IReadOnlyList<string> ForgetIdempotencyKeys { get; init; } = [];

    /// <summary>Gets the instant up to which (inclusive) keys were first used long enough ago to be forgotten, or <see langword="null"/> to keep them all.</summary>
    public Instant? ForgetIdempotencyKeysUpTo { get; init; }
}
