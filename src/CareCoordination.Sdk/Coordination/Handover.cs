using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The record of handing coordination over to youth protection (<em>overdrachtsverslag</em>): who takes over, on what
/// measure, what was agreed, who else is involved and therefore owed feedback (<em>terugkoppeling</em>), and how often.
/// </summary>
/// <remarks>Immutable and thread-safe. Holds no BSN; the agreements are the professionals' own words and must not name the family.</remarks>
public sealed class Handover
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="youthProtection">The youth-protection organisation that takes over (a certified institution, formerly BJZ).</param>
    /// <param name="measure">The indication or measure.</param>
    /// <param name="agreements">What was agreed at the handover.</param>
    /// <param name="involvedOrganisations">The other organisations that stay involved and must hear back from youth protection; at least one.</param>
    /// <param name="feedbackInterval">How often youth protection reports back to each of them; at least one day.</param>
    /// <exception cref="ArgumentException">A value is missing, or youth protection is listed among the involved organisations.</exception>
    public Handover(
        OrganisationId youthProtection,
        YouthProtectionMeasure measure,
        string agreements,
        IEnumerable<OrganisationId> involvedOrganisations,
        Duration feedbackInterval)
    {
        YouthProtection = Guard.NotDefault(youthProtection);
        if (!Enum.IsDefined(measure))
        {
            throw new ArgumentException("The measure is not defined.", nameof(measure));
        }

        Measure = measure;
        Agreements = Guard.NotBlank(agreements);
        InvolvedOrganisations = Guard.NotNull(involvedOrganisations).Select(o => Guard.NotDefault(o, nameof(involvedOrganisations))).Distinct().Order().ToArray();
        if (InvolvedOrganisations.Count == 0 || InvolvedOrganisations.Contains(youthProtection))
        {
            throw new ArgumentException("Name the other involved organisations (at least one, not youth protection itself).", nameof(involvedOrganisations));
        }

        if (feedbackInterval < Duration.FromDays(1))
        {
            throw new ArgumentException("Youth protection reports back at most daily; the interval must be at least one day.", nameof(feedbackInterval));
        }

        FeedbackInterval = feedbackInterval;
    }

    /// <summary>Gets the youth-protection organisation that takes over.</summary>
    public OrganisationId YouthProtection { get; }

    /// <summary>Gets the indication or measure.</summary>
    public YouthProtectionMeasure Measure { get; }

    /// <summary>Gets what was agreed at the handover.</summary>
    public string Agreements { get; }

    /// <summary>Gets the other organisations that stay involved and are owed feedback.</summary>
    public IReadOnlyList<OrganisationId> InvolvedOrganisations { get; }

    /// <summary>Gets how often youth protection reports back to each of them.</summary>
    public Duration FeedbackInterval { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Measure} by {YouthProtection}, feedback to {InvolvedOrganisations.Count} organisations every {FeedbackInterval.TotalDays:0} days";
}
