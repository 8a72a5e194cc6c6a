using NodaTime;

namespace CareCoordination.Sdk.FollowUp;

/// <summary>The director's overview of the follow-up of matches (<em>overzicht matchregie</em>): aggregates only, no youth.</summary>
/// <param name="Matches">How many matches are followed up.</param>
/// <param name="WithContact">How many have their central contact recorded.</param>
/// <param name="Aligned">How many were recorded as aligned (<em>afgestemd</em>).</param>
/// <param name="Overdue">How many have no contact and are past their deadline.</param>
/// <param name="Reminded">How many reminders went out.</param>
/// <param name="MedianTimeToContact">The median time from match to recorded contact; <see langword="null"/> when none was recorded.</param>
/// <param name="ContactInTime">How many had their contact recorded by the deadline.</param>
public sealed record FollowUpOverview(int Matches, int WithContact, int Aligned, int Overdue, int Reminded, Duration? MedianTimeToContact, int ContactInTime);
