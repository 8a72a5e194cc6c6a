using System.Collections.Generic;

namespace CareCoordination.Sdk.Storage;

/// <summary>One change of one aggregate's stream within a <see cref="ChangeSet"/>: an append at a version, or a replacement of the whole stream.</summary>
/// <param name="Kind">The kind of aggregate, such as <c>case</c>.</param>
/// <param name="Stream">The aggregate's identifier.</param>
/// <param name="ExpectedVersion">
/// For an append, the number of events the writer saw in the stream (0 for a new stream); the store refuses the whole
/// change set with <see cref="StreamVersionConflictException"/> when the stream is elsewhere. <see langword="null"/>
/// erases the stream's events and leaves <paramref name="Events"/> as its only ones, as
/// <see cref="IEventStreamStore.EraseStream"/> does.
/// </param>
/// <param name="Events">The events to append, in order; for an erasure, the one event that remains.</param>
public sealed record StreamChange(string Kind, string Stream, int? ExpectedVersion, IReadOnlyList<StreamEvent> Events)
{
    /// <summary>Gets a value indicating whether this change erases the stream before writing <see cref="Events"/>.</summary>
    public bool ErasesStream => ExpectedVersion is null;
}
