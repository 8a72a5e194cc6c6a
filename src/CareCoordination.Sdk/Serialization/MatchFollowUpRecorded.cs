using CareCoordination.Sdk.FollowUp;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// The stored form of a match's follow-up as one change left it: the whole record, so the last event of a match's stream
/// is its state. It names signals, organisations and professionals, never a youth.
/// </summary>
internal sealed record MatchFollowUpRecorded(
    SignalId Signal,
    SignalId OtherSignal,
    MatchKind Kind,
    OrganisationId MatchCoordinator,
    Instant FoundAt,
    LocalDate DueOn,
    ProfessionalId Reporter,
    OrganisationId Organisation,
    ProfessionalId OtherReporter,
    OrganisationId OtherOrganisation,
    ProfessionalId? CentralContact,
    OrganisationId? ContactOrganisation,
    Instant? ContactRecordedAt,
    bool? Aligned,
    Instant? RemindedAt)
{
    public static MatchFollowUpRecorded Of(MatchFollowUp f, (ProfessionalId A, ProfessionalId B, OrganisationId OrgA, OrganisationId OrgB) parties) =>
        new(f.Signal, f.OtherSignal, f.Kind, f.MatchCoordinator, f.FoundAt, f.DueOn, parties.A, parties.OrgA, parties.B, parties.OrgB, f.CentralContact, f.ContactOrganisation, f.ContactRecordedAt, f.Aligned, f.RemindedAt);

    public MatchFollowUp ToFollowUp() =>
        new(Signal, OtherSignal, Kind, MatchCoordinator, FoundAt, DueOn, CentralContact, ContactOrganisation, ContactRecordedAt, Aligned, RemindedAt);
}
