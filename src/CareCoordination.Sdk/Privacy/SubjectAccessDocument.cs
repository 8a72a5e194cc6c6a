using System.Collections.Generic;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>The JSON document a youth or parent receives for a subject access request (<em>inzage</em>); written by <see cref="PersonDataAccess.SubjectAccess"/>.</summary>
internal sealed record SubjectAccessDocument(
    string SchemaVersion,
    Instant CreatedAt,
    string Youth,
    IReadOnlyList<SubjectAccessSignal> ActiveSignals,
    IReadOnlyList<SubjectAccessSignal> ArchivedSignals,
    IReadOnlyList<SubjectAccessMatch> Matches,
    IReadOnlyList<SubjectAccessCase> Cases,
    IReadOnlyList<SubjectAccessConsent> Consents,
    IReadOnlyList<SubjectAccessInformation> InformationObligations,
    IReadOnlyList<SubjectAccessRequest> Requests,
    IReadOnlyList<SubjectAccessLogLine> AccessLog);

internal sealed record SubjectAccessSignal(string Signal, string Organisation, string Reporter, string Phone, string Email, Instant RegisteredAt, LocalDate ActiveUntil, LocalDate? ArchivedOn);

internal sealed record SubjectAccessMatch(string Kind, string Organisation, string OtherOrganisation, string MatchCoordinator, Instant FoundAt, bool ConcernsAnotherYouth);

internal sealed record SubjectAccessCase(string Case, string Status, string Tier, IReadOnlyList<string> Routes, IReadOnlyList<string> InvolvedOrganisations, Instant OpenedAt, Instant? ClosedAt, IReadOnlyList<string> PlanGoals);

internal sealed record SubjectAccessConsent(string Reference, string Purpose, IReadOnlyList<string> Recipients, string GivenBy, Instant Start, Instant? End, Instant? WithdrawnAt);

internal sealed record SubjectAccessInformation(string Signal, string MustInform, LocalDate DueOn, string Informed, string? PostponedBecause);

internal sealed record SubjectAccessRequest(int Request, string Kind, string Signal, string Organisation, string RequestedBy, string Grounds, Instant LodgedAt, string Status, Instant? DecidedAt, string? DecisionReason);

internal sealed record SubjectAccessLogLine(Instant At, string Role, string Organisation, string Action, string Data, string Detail, string Basis);
