using System.Collections.Generic;

namespace CareCoordination.Sdk.Notifications;

/// <summary>A page of an organisation's notification feed, read after a cursor.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FeedPage
{
    internal FeedPage(IReadOnlyList<FeedNotification> notifications, long cursor, bool hasMore)
    {
        Notifications = notifications;
        Cursor = cursor;
        HasMore = hasMore;
    }

    /// <summary>Gets the entries after the cursor the reader gave, oldest first; empty when there are none yet.</summary>
    public IReadOnlyList<FeedNotification> Notifications { get; }

    /// <summary>Gets the cursor to read on from: the position of the last entry in the page, or the reader's own cursor when the page is empty.</summary>
    public long Cursor { get; }

    /// <summary>Gets a value indicating whether more entries follow the page.</summary>
    public bool HasMore { get; }
}
