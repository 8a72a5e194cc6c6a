using System.Collections.Generic;

namespace CareCoordination.Sdk.Client;

/// <summary>A page of the organisation's notification feed.</summary>
/// <param name="Notifications">The notifications after the cursor asked for, oldest first.</param>
/// <param name="Cursor">The cursor to read on from; store it only after handling the page.</param>
/// <param name="HasMore">Whether more notifications follow at once.</param>
public sealed record NotificationPage(IReadOnlyList<ReceivedNotification> Notifications, long Cursor, bool HasMore);
