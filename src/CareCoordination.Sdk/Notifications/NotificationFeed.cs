using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Notifications;

/// <summary>
/// Each organisation's feed of match notifications (<em>matchberichten</em>): every match the reference index finds is
/// turned into the notifications the law requires (<see cref="MatchNotifier"/>), and each goes to the feed of its
/// recipient's organisation with a stable identifier and a position. A vendor's system reads its organisation's feed
/// after a cursor, at least once, and deduplicates by <see cref="FeedNotification.Id"/>.
/// </summary>
/// <remarks>
/// <para>Register it as an <see cref="IReferenceIndexObserver"/> of the index. It takes part in the index's change: with a
/// store that commits change sets, its notifications are written in the same change set as the registration that found
/// the match, so a registration is never acknowledged without its notifications being stored. An entry becomes
/// readable only once that change set is durable, so a reader never sees a notification that a failed registration
/// took back, and a position is never given to two notifications. At start-up the feed reads every organisation's
/// stream back from the store.</para>
/// <para>Thread-safe. It never calls back into the index. It holds every entry in memory; entries are kept until the
/// host removes the store's streams.</para>
/// </remarks>
public sealed class NotificationFeed : IReferenceIndexObserver, IChangeParticipant
{
    /// <summary>The most entries one read returns.</summary>
    public const int MaxPageSize = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<OrganisationId, List<FeedNotification>> _feeds = [];
    private readonly Dictionary<OrganisationId, int> _visible = [];
    private readonly Dictionary<OrganisationId, TaskCompletionSource> _waiters = [];
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents = StreamDocuments.For(YouthKeying.ByBsn);
    private readonly MatchNotifier _notifier;
    private readonly IClock _clock;

    /// <summary>Initializes a feed kept in memory only.</summary>
    /// <param name="directory">The region's organisations and professionals, who receive the notifications.</param>
    /// <param name="clock">The clock.</param>
    public NotificationFeed(OrganisationDirectory directory, IClock clock)
        : this(directory, clock, null)
    {
    }

    /// <summary>Initializes a feed kept in a store, reading back what the store holds.</summary>
    /// <param name="directory">The region's organisations and professionals, who receive the notifications.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="store">The store (the index's store, so that the notifications join the registration's change set), or <see langword="null"/> to keep the feed in memory only.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds notifications written by a newer version of the SDK.</exception>
    public NotificationFeed(OrganisationDirectory directory, IClock clock, IEventStreamStore? store)
    {
        _notifier = new MatchNotifier(Guard.NotNull(directory));
        _clock = Guard.NotNull(clock);
        _streams = new DurableStreams(store);
        foreach (var stream in store?.ReadStreams(StreamDocuments.NotificationFeed) ?? [])
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                var organisation = new OrganisationId(int.Parse(stream.Id, NumberStyles.None, CultureInfo.InvariantCulture));
                var entries = new List<FeedNotification>(stream.Events.Count);
                foreach (var record in _documents.ReadRecords(stream))
                {
                    var recorded = (MatchNotificationRecorded)record;
                    entries.Add(new FeedNotification(organisation, entries.Count + 1, recorded.RecordedAt, recorded.ToNotification(organisation)));
                }

                _feeds[organisation] = entries;
                _visible[organisation] = entries.Count;
            });
        }
    }

    /// <inheritdoc/>
    public void OnMatchFound(in MatchFound e)
    {
        var notifications = _notifier.CreateNotifications(e.Match);
        var at = _clock.GetCurrentInstant();
        _streams.Run(_gate, () =>
        {
            var byOrganisation = new Dictionary<OrganisationId, List<MatchNotification>>();
            foreach (var notification in notifications)
            {
                if (!byOrganisation.TryGetValue(notification.RecipientOrganisation, out var list))
                {
                    byOrganisation[notification.RecipientOrganisation] = list = [];
                }

                list.Add(notification);
            }

            foreach (var (organisation, list) in byOrganisation)
            {
                Append(organisation, list, at);
            }

            return byOrganisation.Count;
        });
    }

    /// <summary>Reads an organisation's feed after a cursor.</summary>
    /// <param name="organisation">The organisation whose feed to read.</param>
    /// <param name="after">The cursor: 0 to read from the start, otherwise the <see cref="FeedPage.Cursor"/> of the previous page.</param>
    /// <param name="max">The most entries to return, 1 to <see cref="MaxPageSize"/>.</param>
    /// <returns>The entries after the cursor, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cursor is negative, or <paramref name="max"/> is out of range.</exception>
    public FeedPage Read(OrganisationId organisation, long after, int max)
    {
        Check(after, max);
        lock (_gate)
        {
            return PageOf(organisation, after, max);
        }
    }

    /// <summary>
    /// Reads an organisation's feed after a cursor, waiting up to <paramref name="wait"/> for a first entry when there is
    /// none yet (a long poll).
    /// </summary>
    /// <param name="organisation">The organisation whose feed to read.</param>
    /// <param name="after">The cursor: 0 to read from the start, otherwise the <see cref="FeedPage.Cursor"/> of the previous page.</param>
    /// <param name="max">The most entries to return, 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="wait">How long to wait for an entry; <see cref="TimeSpan.Zero"/> reads at once.</param>
    /// <param name="cancellationToken">Ends the wait early (the page is then read as it is).</param>
    /// <returns>The entries after the cursor, oldest first; empty when none arrived in time.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The cursor is negative, <paramref name="max"/> is out of range, or the wait is negative.</exception>
    public async Task<FeedPage> ReadAsync(OrganisationId organisation, long after, int max, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        Check(after, max);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        Task arrival;
        lock (_gate)
        {
            var page = PageOf(organisation, after, max);
            if (page.Notifications.Count > 0 || wait == TimeSpan.Zero)
            {
                return page;
            }

            if (!_waiters.TryGetValue(organisation, out var waiter))
            {
                _waiters[organisation] = waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            arrival = waiter.Task;
        }

        try
        {
            await arrival.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Nothing arrived in time: the page below is empty, and the reader asks again with the same cursor.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The reader stopped waiting: it gets the page as it is now.
        }

        return Read(organisation, after, max);
    }

    private void Append(OrganisationId organisation, List<MatchNotification> notifications, Instant at)
    {
        if (!_feeds.TryGetValue(organisation, out var entries))
        {
            _feeds[organisation] = entries = [];
        }

        var version = entries.Count;
        var events = new List<StreamEvent>(notifications.Count);
        foreach (var notification in notifications)
        {
            events.Add(_documents.Write(MatchNotificationRecorded.Of(notification, at), at));
        }

        _streams.Append(StreamDocuments.NotificationFeed, organisation.Value.ToString(CultureInfo.InvariantCulture), version, events);
        foreach (var notification in notifications)
        {
            entries.Add(new FeedNotification(organisation, entries.Count + 1, at, notification));
        }

        var written = entries.Count;
        _streams.OnUndo(() => entries.RemoveRange(version, entries.Count - version));
        _streams.OnDurable(() => Publish(organisation, written));
    }

    private void Publish(OrganisationId organisation, int written)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _visible[organisation] = Math.Max(_visible.GetValueOrDefault(organisation), written);
            _waiters.Remove(organisation, out waiter);
        }

        waiter?.TrySetResult();
    }

    private FeedPage PageOf(OrganisationId organisation, long after, int max)
    {
        var visible = _visible.GetValueOrDefault(organisation);
        if (after >= visible || !_feeds.TryGetValue(organisation, out var entries))
        {
            return new FeedPage([], after, false);
        }

        var start = (int)after;
        var count = Math.Min(max, visible - start);
        return new FeedPage(entries.GetRange(start, count), start + count, start + count < visible);
    }

    private static void Check(long after, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxPageSize);
    }
}
