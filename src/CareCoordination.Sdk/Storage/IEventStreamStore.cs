using System.Collections.Generic;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// The durable side of the aggregates several clients edit — coordination cases, the coordinator pool, family plans,
/// consents and legal bases: one versioned stream of events per aggregate. The desk, the plan book and the consent
/// register append here before a change becomes visible, and replay their streams at start-up.
/// </summary>
/// <remarks>
/// Implementations must be safe to call from any thread. The SQLite and PostgreSQL stores implement it next to
/// <see cref="ISignalStore"/>; the Testing package has an in-memory one.
/// </remarks>
public interface IEventStreamStore : IYouthKeyedStore
{
    /// <summary>Reads every stream of one kind, each with its events in version order.</summary>
    /// <param name="kind">The kind of aggregate, such as <c>case</c> or <c>plan</c>.</param>
    /// <returns>The streams, in ordinal order of their identifiers; an erased stream holds only its tombstone.</returns>
    IReadOnlyList<StoredHistory> ReadStreams(string kind);

    /// <summary>
    /// Appends events to one stream atomically and durably, when the stream is still at
    /// <paramref name="expectedVersion"/> (0 for a new stream).
    /// </summary>
    /// <param name="kind">The kind of aggregate.</param>
    /// <param name="stream">The aggregate's identifier.</param>
    /// <param name="expectedVersion">The number of events the writer saw in the stream.</param>
    /// <param name="events">The events, in order.</param>
    /// <exception cref="StreamVersionConflictException">Someone else appended since; nothing was written.</exception>
    void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events);

    /// <summary>
    /// Erases a stream's events, for a person's data that must go, and leaves in one atomic step the one event that
    /// says the stream was erased, when and why — so that its identifier is never given out again and the logbook
    /// keeps the fact without the data. An aggregate that must keep no earlier state, such as a family whose member
    /// left, uses it to replace its stream with its current state.
    /// </summary>
    /// <param name="kind">The kind of aggregate.</param>
    /// <param name="stream">The aggregate's identifier.</param>
    /// <param name="tombstone">The event that remains; it holds no person's data.</param>
    void EraseStream(string kind, string stream, StreamEvent tombstone);
}
