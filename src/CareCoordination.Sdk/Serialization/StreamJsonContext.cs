using System.Text.Json.Serialization;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Serialization;

namespace CareCoordination.Sdk.Serialization;

/// <summary>Source-generated JSON for the aggregates' stream events: no reflection at run time, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaseOpened))]
[JsonSerializable(typeof(IntakeJoined))]
[JsonSerializable(typeof(CaseHolderNamed))]
[JsonSerializable(typeof(CaseAssessed))]
[JsonSerializable(typeof(CoordinatorAssigned))]
[JsonSerializable(typeof(CoordinatorUnavailable))]
[JsonSerializable(typeof(CoordinatorReleased))]
[JsonSerializable(typeof(CaseHandedOver))]
[JsonSerializable(typeof(FeedbackRecorded))]
[JsonSerializable(typeof(CaseReturned))]
[JsonSerializable(typeof(CoordinationHoursRecorded))]
[JsonSerializable(typeof(CaseClosed))]
[JsonSerializable(typeof(PlanDrafted))]
[JsonSerializable(typeof(GoalSet))]
[JsonSerializable(typeof(ActionAgreed))]
[JsonSerializable(typeof(ActionCompleted))]
[JsonSerializable(typeof(ActionOnWaitingList))]
[JsonSerializable(typeof(ActionUnblocked))]
[JsonSerializable(typeof(AgreementMade))]
[JsonSerializable(typeof(FamilyAgreed))]
[JsonSerializable(typeof(CooperationRefused))]
[JsonSerializable(typeof(CooperationResumed))]
[JsonSerializable(typeof(CircumstancesChanged))]
[JsonSerializable(typeof(PlanReviewed))]
[JsonSerializable(typeof(EscalationStepped))]
[JsonSerializable(typeof(EnforcementOrdered))]
[JsonSerializable(typeof(HandoverDocument))]
[JsonSerializable(typeof(EnforcementOrderDocument))]
[JsonSerializable(typeof(CoordinatorJoinedPool))]
[JsonSerializable(typeof(CoordinatorLeftPool))]
[JsonSerializable(typeof(ConsentGiven))]
[JsonSerializable(typeof(ConsentWithdrawn))]
[JsonSerializable(typeof(LegalBasisRecorded))]
[JsonSerializable(typeof(StreamErased))]
[JsonSerializable(typeof(FamilyRecorded))]
[JsonSerializable(typeof(Privacy.InformationObligation))]
[JsonSerializable(typeof(MatchNotificationRecorded))]
[JsonSerializable(typeof(Logbook.LogbookEntryRecorded))]
[JsonSerializable(typeof(MoveNoticeRecorded))]
[JsonSerializable(typeof(MatchFollowUpRecorded))]
[JsonSerializable(typeof(SubstituteNumberIssued))]
[JsonSerializable(typeof(SubjectRequestRecorded))]
internal sealed partial class StreamJsonContext : JsonSerializerContext;
