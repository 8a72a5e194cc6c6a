using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// What the professionals know about a family's situation when they decide how much coordination it needs
/// (<em>inschatting</em>): the problem domains and the core problem, a threat to the child's safety, an indication or
/// protection measure, and the organisations involved. Holds no BSN and no case content.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CaseAssessment
{
    internal const ProblemDomains AllDomains = (ProblemDomains)((1 << 11) - 1);

    /// <summary>Initializes a new instance.</summary>
    /// <param name="problemDomains">The domains in which the family needs help; at least one.</param>
    /// <param name="coreProblem">The family's core problem (<em>kernprobleem</em>): exactly one of <paramref name="problemDomains"/>; it decides which organisation fits best to coordinate.</param>
    /// <param name="safetyThreatened">Whether the child's safety is threatened.</param>
    /// <param name="measure">An indication for youth care or a protection measure, which hands coordination over to youth protection; otherwise <see langword="null"/>.</param>
    /// <param name="involvedOrganisations">Organisations involved with the family beyond those the case already knows from its intake routes.</param>
    /// <exception cref="ArgumentException">A rule above is broken.</exception>
    public CaseAssessment(
        ProblemDomains problemDomains,
        ProblemDomains coreProblem,
        bool safetyThreatened,
        YouthProtectionMeasure? measure = null,
        IEnumerable<OrganisationId>? involvedOrganisations = null)
    {
        if (problemDomains == ProblemDomains.None || (problemDomains & ~AllDomains) != 0)
        {
            throw new ArgumentException("Name one or more defined problem domains.", nameof(problemDomains));
        }

        if (BitOperations.PopCount((uint)coreProblem) != 1 || (coreProblem & problemDomains) == 0)
        {
            throw new ArgumentException($"The core problem must be exactly one of the family's problem domains ({problemDomains}); it is {coreProblem}.", nameof(coreProblem));
        }

        if (measure is { } m && !Enum.IsDefined(m))
        {
            throw new ArgumentException("The measure is not defined.", nameof(measure));
        }

        ProblemDomains = problemDomains;
        CoreProblem = coreProblem;
        SafetyThreatened = safetyThreatened;
        Measure = measure;
        InvolvedOrganisations = (involvedOrganisations ?? []).Select(o => Guard.NotDefault(o, nameof(involvedOrganisations))).Distinct().Order().ToArray();
    }

    /// <summary>Gets the domains in which the family needs help.</summary>
    public ProblemDomains ProblemDomains { get; }

    /// <summary>Gets the family's core problem (<em>kernprobleem</em>).</summary>
    public ProblemDomains CoreProblem { get; }

    /// <summary>Gets a value indicating whether the child's safety is threatened.</summary>
    public bool SafetyThreatened { get; }

    /// <summary>Gets the indication or protection measure that hands coordination to youth protection, if any.</summary>
    public YouthProtectionMeasure? Measure { get; }

    /// <summary>Gets organisations involved beyond those the case knows from its intake routes.</summary>
    public IReadOnlyList<OrganisationId> InvolvedOrganisations { get; }
}
