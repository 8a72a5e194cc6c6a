using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// Source-generated JSON metadata for the SDK's public types that a vendor's API returns, behind
/// <see cref="CareCoordinationJson.TypeInfoResolver"/>: no reflection at run time, trimming- and AOT-safe. Internal, as
/// every generated type is; the converters of <see cref="CareCoordinationJson"/> shape identifiers, BSNs and NodaTime values.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrganisationId))]
[JsonSerializable(typeof(ProfessionalId))]
[JsonSerializable(typeof(SignalId))]
[JsonSerializable(typeof(CaseId))]
[JsonSerializable(typeof(CoordinatorId))]
[JsonSerializable(typeof(FamilyId))]
[JsonSerializable(typeof(Bsn))]
[JsonSerializable(typeof(Youth))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(LocalDate))]
[JsonSerializable(typeof(Duration))]
[JsonSerializable(typeof(Signal))]
[JsonSerializable(typeof(IReadOnlyList<Signal>))]
[JsonSerializable(typeof(ArchivedSignal))]
[JsonSerializable(typeof(IReadOnlyList<ArchivedSignal>))]
[JsonSerializable(typeof(Match))]
[JsonSerializable(typeof(IReadOnlyList<Match>))]
[JsonSerializable(typeof(MatchNotification))]
[JsonSerializable(typeof(MatchParty))]
[JsonSerializable(typeof(ContactDetails))]
[JsonSerializable(typeof(Organisation))]
[JsonSerializable(typeof(Professional))]
[JsonSerializable(typeof(TierDecision))]
[JsonSerializable(typeof(FeedbackDue))]
[JsonSerializable(typeof(CoordinationOverview))]
[JsonSerializable(typeof(PlanOverview))]
[JsonSerializable(typeof(PlanDueItem))]
[JsonSerializable(typeof(Consent))]
[JsonSerializable(typeof(InformationObligation))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(IReadOnlyList<AuditRecord>))]
[JsonSerializable(typeof(AuditVerification))]
internal sealed partial class PublicJsonContext : JsonSerializerContext;
