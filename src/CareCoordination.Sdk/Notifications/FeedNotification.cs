using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Notifications;

/// <summary>
/// One entry of an organisation's notification feed: a match notification (<em>matchbericht</em>) with its stable
/// identifier and its position in the feed.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The feed delivers at least once, so a reader may see an entry again after a retry or a
/// restart; <see cref="Id"/> never changes and is never given to another notification, so a reader deduplicates by it.
/// </remarks>
public sealed class FeedNotification
{
    internal FeedNotification(OrganisationId organisation, long position, Instant recordedAt, MatchNotification notification)
    {
        Organisation = organisation;
        Position = position;
        RecordedAt = recordedAt;
        Notification = notification;
    }

    /// <summary>Gets the stable identifier: the organisation and the position, as <c>"{organisation}-{position}"</c>.</summary>
    public string Id => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Organisation.Value}-{Position}");

    /// <summary>Gets the organisation whose feed holds the entry.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the position in the organisation's feed: 1 for the first entry, one more for each next; the cursor after this entry.</summary>
    public long Position { get; }

    /// <summary>Gets when the registration that found the match recorded the notification.</summary>
    public Instant RecordedAt { get; }

    /// <summary>Gets the notification.</summary>
    public MatchNotification Notification { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Feed entry {Id}: {Notification}";
}
