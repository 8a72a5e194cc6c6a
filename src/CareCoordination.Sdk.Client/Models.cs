using System.Collections.Generic;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Client;

// The wire shapes of the service's /v1 contract, as the client sends and reads them.

internal sealed record SignalBody(Bsn Bsn, LocalDate DateOfBirth, ReportingCriterion Criterion);

internal sealed record SignalBatchBody(IReadOnlyList<SignalBody> Registrations);

internal sealed record SearchBody(Bsn Bsn);

internal sealed record WithdrawalBody(Bsn Bsn, WithdrawalReason Reason);

internal sealed record SignalAnswer(SignalId Id, OrganisationId Organisation, ProfessionalId Reporter, Instant RegisteredAt, LocalDate ExpiresOn);

internal sealed record RegistrationAnswer(RegistrationOutcome Outcome, SignalAnswer Signal, int MatchCount);

internal sealed record SignalBatchAnswer(IReadOnlyList<RegistrationAnswer> Registrations);

internal sealed record NotificationAnswer(SignalId Signal, NotificationRecipientRole Role, MatchKind Kind, IReadOnlyList<MatchParty> OtherParties, OrganisationId MatchCoordinator, string Message);

internal sealed record FeedEntryAnswer(string Id, long Position, Instant RecordedAt, NotificationAnswer Notification);

internal sealed record FeedAnswer(IReadOnlyList<FeedEntryAnswer> Notifications, long Cursor, bool HasMore);

internal sealed record ProblemAnswer(int Status, string? Title, string? Detail, string? Rule);

internal sealed record InformedBody(ConsentGiver Informed);

internal sealed record PostponementBody(string Reason);
