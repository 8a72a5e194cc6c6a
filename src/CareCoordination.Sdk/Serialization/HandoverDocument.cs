using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The JSON form of a <see cref="Handover"/>, which validates itself in its constructor and so is read back through it.</summary>
internal sealed record HandoverDocument(
    OrganisationId YouthProtection,
    YouthProtectionMeasure Measure,
    string Agreements,
    IReadOnlyList<OrganisationId> InvolvedOrganisations,
    Duration FeedbackInterval)
{
    public static HandoverDocument Of(Handover handover) =>
        new(handover.YouthProtection, handover.Measure, handover.Agreements, handover.InvolvedOrganisations, handover.FeedbackInterval);

    public Handover ToHandover() => new(YouthProtection, Measure, Agreements, InvolvedOrganisations, FeedbackInterval);
}
