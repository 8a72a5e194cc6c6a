using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// The stored form of a youth's or parents' request as one change left it (lodged, then decided): the whole record, so
/// the last event of a request's stream is its state. The youth is written by the store's keying, so a pseudonymised
/// store holds its pseudonym, never the BSN.
/// </summary>
internal sealed record SubjectRequestRecorded(
    int Id,
    SubjectRequestKind Kind,
    SignalId Signal,
    Bsn Youth,
    OrganisationId Organisation,
    ConsentGiver RequestedBy,
    string Grounds,
    Instant LodgedAt,
    SubjectRequestStatus Status,
    Instant? DecidedAt,
    ProfessionalId? DecidedBy,
    string? DecisionReason)
{
    public static SubjectRequestRecorded Of(SubjectRequest r) =>
        new(r.Id, r.Kind, r.Signal, r.Youth, r.Organisation, r.RequestedBy, r.Grounds, r.LodgedAt, r.Status, r.DecidedAt, r.DecidedBy, r.DecisionReason);

    public SubjectRequest ToRequest() =>
        new(Id, Kind, Signal, Youth, Organisation, RequestedBy, Grounds, LodgedAt, Status, DecidedAt, DecidedBy, DecisionReason);
}
