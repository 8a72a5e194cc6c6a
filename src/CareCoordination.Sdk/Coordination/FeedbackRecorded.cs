using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>Youth protection informed an involved organisation about the youth (<em>terugkoppeling</em>).</summary>
/// <param name="Case">The case.</param>
/// <param name="At">When.</param>
/// <param name="Informed">The organisation that was informed.</param>
public sealed record FeedbackRecorded(CaseId Case, Instant At, OrganisationId Informed) : CaseEvent(Case, At)
{
    /// <inheritdoc/>
    internal override CaseTrigger? TriggerFor(CoordinationCase before) => CaseTrigger.RecordFeedback;
}
