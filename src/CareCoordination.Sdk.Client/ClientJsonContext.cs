using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareCoordination.Sdk.Client;

/// <summary>Source-generated JSON of the client's wire shapes: trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SignalBody))]
[JsonSerializable(typeof(SignalBatchBody))]
[JsonSerializable(typeof(WithdrawalBody))]
[JsonSerializable(typeof(RegistrationAnswer))]
[JsonSerializable(typeof(SignalBatchAnswer))]
[JsonSerializable(typeof(SignalAnswer))]
[JsonSerializable(typeof(SearchBody))]
[JsonSerializable(typeof(System.Collections.Generic.IReadOnlyList<SignalAnswer>))]
[JsonSerializable(typeof(FeedAnswer))]
[JsonSerializable(typeof(FeedEntryAnswer))]
[JsonSerializable(typeof(ProblemAnswer))]
[JsonSerializable(typeof(IntakeBody))]
[JsonSerializable(typeof(CaseHolderBody))]
[JsonSerializable(typeof(AssessmentBody))]
[JsonSerializable(typeof(AssignmentBody))]
[JsonSerializable(typeof(HandoverBody))]
[JsonSerializable(typeof(FeedbackBody))]
[JsonSerializable(typeof(PlanGoalBody))]
[JsonSerializable(typeof(PlanActionBody))]
[JsonSerializable(typeof(PlanVersionBody))]
[JsonSerializable(typeof(PlanReviewBody))]
[JsonSerializable(typeof(EnforcementOrderBody))]
[JsonSerializable(typeof(FamilyBody))]
[JsonSerializable(typeof(InformedBody))]
[JsonSerializable(typeof(PostponementBody))]
[JsonSerializable(typeof(Coordination.IntakeResult))]
[JsonSerializable(typeof(Coordination.TierDecision))]
[JsonSerializable(typeof(CaseSummary))]
[JsonSerializable(typeof(CoordinatorAssignment))]
[JsonSerializable(typeof(PlanSummary))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
