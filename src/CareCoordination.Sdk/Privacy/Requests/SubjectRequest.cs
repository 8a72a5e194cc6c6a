using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Requests;

/// <summary>
/// A request of the youth or the parents about one of the youth's signals (domain rule 10): an objection
/// (<em>bezwaar</em>), a correction request (<em>correctieverzoek</em>) or an erasure request (<em>verzoek tot
/// verwijdering</em>), made by the persons informed for the youth's age and decided once by the organisation that made
/// the signal.
/// </summary>
/// <param name="Id">The request's number, given by the book.</param>
/// <param name="Kind">What is asked.</param>
/// <param name="Signal">The signal the request is about.</param>
/// <param name="Youth">The youth the signal is about.</param>
/// <param name="Organisation">The organisation that made the signal, which decides.</param>
/// <param name="RequestedBy">Who asked: under 12 the parents, 12 to 15 the youth and the parents together, from 16 the youth.</param>
/// <param name="Grounds">What the requester says, in their words (never a BSN).</param>
/// <param name="LodgedAt">When the request was made.</param>
/// <param name="Status">Pending, upheld or rejected.</param>
/// <param name="DecidedAt">When it was decided, once it was.</param>
/// <param name="DecidedBy">The professional of the reporting organisation who decided, once one did.</param>
/// <param name="DecisionReason">Why it was decided so, recorded for the requester, once it was decided.</param>
/// <remarks>Immutable and thread-safe; equal when all parts are equal. <see cref="ToString"/> names neither the youth nor the grounds.</remarks>
public sealed record SubjectRequest(
    int Id,
    SubjectRequestKind Kind,
    SignalId Signal,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] Bsn Youth,
    OrganisationId Organisation,
    ConsentGiver RequestedBy,
    [property: PersonData(PersonDataClassification.Sensitive)] string Grounds,
    Instant LodgedAt,
    SubjectRequestStatus Status,
    Instant? DecidedAt,
    ProfessionalId? DecidedBy,
    [property: PersonData(PersonDataClassification.Sensitive)] string? DecisionReason)
{
    /// <summary>Gets a value indicating whether the reporting organisation has decided it.</summary>
    public bool IsDecided => Status != SubjectRequestStatus.Pending;

    /// <inheritdoc/>
    public override string ToString() => $"Request {Id} ({Kind}) about {Signal} to {Organisation}: {Status}";
}
