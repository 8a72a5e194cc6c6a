using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>Hours spent on coordinating the case, so that the municipality can see what coordination costs.</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Organisation">The organisation whose coordinator or case holder spent them.</param>
/// <param name="Tier">The case's tier when they were spent.</param>
/// <param name="Hours">The hours.</param>
public sealed record CoordinationHoursRecorded(CaseId Case, Instant At, OrganisationId Organisation, CoordinationTier Tier, decimal Hours) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.RecordHours;
}
