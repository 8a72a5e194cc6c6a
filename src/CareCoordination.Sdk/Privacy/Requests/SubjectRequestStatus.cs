namespace CareCoordination.Sdk.Privacy.Requests;

/// <summary>Where a request of the youth or the parents stands: waiting for the reporting organisation, or decided once.</summary>
public enum SubjectRequestStatus
{
    /// <summary>Lodged; the reporting organisation has not decided yet.</summary>
    Pending = 1,

    /// <summary>Upheld (<em>toegewezen</em>): the signal was removed without being archived.</summary>
    Upheld,

    /// <summary>Rejected (<em>afgewezen</em>): the signal stays, and the reason is recorded for the requester.</summary>
    Rejected,
}
