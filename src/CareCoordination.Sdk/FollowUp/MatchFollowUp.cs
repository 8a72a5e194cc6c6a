using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.FollowUp;

/// <summary>
/// The follow-up of one match (<em>matchregie</em>): whether the match coordinator recorded who became the central
/// contact (<em>centraal aanspreekpunt</em>), whether the signals were aligned (<em>afgestemd</em>), and when it was reminded.
/// </summary>
/// <param name="Signal">The signal whose registration found the match.</param>
/// <param name="OtherSignal">The signal it found.</param>
/// <param name="Kind">What the signals share.</param>
/// <param name="MatchCoordinator">The organisation that follows the match up.</param>
/// <param name="FoundAt">When the match was found.</param>
/// <param name="DueOn">The last day to record the central contact before a reminder.</param>
/// <param name="CentralContact">The professional who became the central contact, once recorded.</param>
/// <param name="ContactOrganisation">The central contact's organisation, once recorded.</param>
/// <param name="ContactRecordedAt">When the central contact was recorded.</param>
/// <param name="Aligned">Whether the signals were aligned; <see langword="null"/> until recorded.</param>
/// <param name="RemindedAt">When the match coordinator was reminded, if it was.</param>
public sealed record MatchFollowUp(
    SignalId Signal,
    SignalId OtherSignal,
    MatchKind Kind,
    OrganisationId MatchCoordinator,
    Instant FoundAt,
    LocalDate DueOn,
    ProfessionalId? CentralContact,
    OrganisationId? ContactOrganisation,
    Instant? ContactRecordedAt,
    bool? Aligned,
    Instant? RemindedAt)
{
    /// <summary>Gets a value indicating whether the central contact was recorded.</summary>
    public bool HasContact => CentralContact is not null;
}
