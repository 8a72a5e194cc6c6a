using System.Collections.Generic;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

// The request and response bodies of /v1. Every member of a request is required unless nullable, and a member the
// contract does not name is refused: a vendor learns of a typo at once instead of a silently ignored field.

/// <summary>One signal to register (or renew: registering again renews), about a youth by BSN and date of birth.</summary>
internal sealed record SignalRequest(Bsn Bsn, LocalDate DateOfBirth, ReportingCriterion Criterion);

/// <summary>Several signals registered as one change.</summary>
internal sealed record SignalBatchRequest(IReadOnlyList<SignalRequest> Registrations);

/// <summary>The organisation withdraws its signal on a youth, with the reason.</summary>
internal sealed record WithdrawalRequest(Bsn Bsn, WithdrawalReason Reason);

/// <summary>A read about one youth: the BSN travels in the body, never in a URL.</summary>
internal sealed record PersonSearchRequest(Bsn Bsn);

/// <summary>A youth's or parent's request for access to what is registered about the youth.</summary>
internal sealed record SubjectAccessRequest(Bsn Bsn, LocalDate DateOfBirth, ConsentGiver RequestedBy);

/// <summary>The answer to a registration.</summary>
internal sealed record RegistrationResponse(RegistrationOutcome Outcome, Signal Signal, int MatchCount);

/// <summary>The answer to a batch: one registration answer per request, in order.</summary>
internal sealed record SignalBatchResponse(IReadOnlyList<RegistrationResponse> Registrations);

/// <summary>One entry of the notification feed.</summary>
internal sealed record FeedEntryResponse(string Id, long Position, Instant RecordedAt, MatchNotification Notification);

/// <summary>A page of the notification feed and the cursor to read on from.</summary>
internal sealed record FeedResponse(IReadOnlyList<FeedEntryResponse> Notifications, long Cursor, bool HasMore);

/// <summary>The audit trail and whether its hash chain is intact.</summary>
internal sealed record AuditTrailResponse(IReadOnlyList<AuditRecord> Records, AuditVerification Verification);

/// <summary>The director's aggregates.</summary>
internal sealed record OverviewResponse(Coordination.CoordinationOverview Coordination, Plans.PlanOverview Plans);

/// <summary>A consent the family gave, recorded by the case's coordinator or case holder.</summary>
internal sealed record ConsentRequest(Bsn Bsn, LocalDate DateOfBirth, ConsentPurpose Purpose, IReadOnlyList<Organisations.OrganisationId> Recipients, ConsentGiver GivenBy, Instant? End = null);

/// <summary>A decision to share without consent on a legal basis, by the case's coordinator or case holder.</summary>
internal sealed record LegalBasisRequest(Bsn Bsn, LegalBasis Basis, string Justification, IReadOnlyList<Organisations.OrganisationId> Recipients, int ValidForDays);

/// <summary>Who the organisation informed of its signal: the youth, the parents, or both.</summary>
internal sealed record InformedRequest(ConsentGiver Informed);

/// <summary>Why the organisation has not yet informed the youth or the parents of its signal.</summary>
internal sealed record PostponementRequest(string Reason);
