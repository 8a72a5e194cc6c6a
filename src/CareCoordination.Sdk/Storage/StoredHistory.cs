using System.Collections.Generic;

namespace CareCoordination.Sdk.Storage;

/// <summary>One aggregate's stream of events (its history) as read back from a store.</summary>
/// <param name="Kind">The kind of aggregate, such as <c>case</c>.</param>
/// <param name="Id">The aggregate's identifier.</param>
/// <param name="Events">The events in version order; the stream's version is their count.</param>
public sealed record StoredHistory(string Kind, string Id, IReadOnlyList<StreamEvent> Events);
