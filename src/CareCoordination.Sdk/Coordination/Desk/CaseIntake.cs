using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// A concern about a family reaching coordination through one intake route (<em>aanmelding via een meldroute</em>):
/// the CJG, the reference index, a care network, the justice network or the family itself.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> shows no BSN.</remarks>
public sealed class CaseIntake
{
    private CaseIntake(IntakeRoute route, FamilyId? family, Bsn[] youths, OrganisationId[] organisations, string? meeting, Instant? concernSince)
    {
        if (!Enum.IsDefined(route))
        {
            throw new ArgumentException("The intake route is not defined.", nameof(route));
        }

        Route = route;
        Family = family;
        Youths = youths;
        Organisations = organisations;
        Meeting = meeting is null ? null : Guard.NotBlank(meeting).Trim();
        ConcernSince = concernSince;
    }

    /// <summary>Gets the intake route.</summary>
    public IntakeRoute Route { get; }

    /// <summary>Gets the family, when the route knows it.</summary>
    public FamilyId? Family { get; }

    /// <summary>Gets the youths the concern is about; may be empty when the route names the family.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public IReadOnlyList<Bsn> Youths { get; }

    /// <summary>Gets the organisations that bring the concern in; they count as involved with the family.</summary>
    public IReadOnlyList<OrganisationId> Organisations { get; }

    /// <summary>Gets the meeting the route proposes to handle the case (<em>overleg</em>), or <see langword="null"/> for the policy's default; a joining route keeps the meeting the case already has.</summary>
    public string? Meeting { get; }

    /// <summary>Gets when the concern first arose, when the route knows (for example the first signal's registration).</summary>
    public Instant? ConcernSince { get; }

    /// <summary>An intake about a family known from the population register.</summary>
    /// <param name="route">The route.</param>
    /// <param name="family">The family.</param>
    /// <param name="organisation">The organisation that brings the concern in, if any.</param>
    /// <param name="meeting">The meeting the route proposes, if any.</param>
    /// <param name="concernSince">When the concern first arose, if known.</param>
    /// <returns>The intake.</returns>
    public static CaseIntake ForFamily(IntakeRoute route, Family family, OrganisationId? organisation = null, string? meeting = null, Instant? concernSince = null)
    {
        Guard.NotNull(family);
        return new CaseIntake(route, family.Id, [.. family.Youths], OrganisationList(organisation), meeting, concernSince);
    }

    /// <summary>An intake about one or more youths; the coordination desk finds their family if it knows it.</summary>
    /// <param name="route">The route.</param>
    /// <param name="youths">The youths; at least one.</param>
    /// <param name="organisation">The organisation that brings the concern in, if any.</param>
    /// <param name="meeting">The meeting the route proposes, if any.</param>
    /// <param name="concernSince">When the concern first arose, if known.</param>
    /// <returns>The intake.</returns>
    public static CaseIntake ForYouths(IntakeRoute route, IEnumerable<Bsn> youths, OrganisationId? organisation = null, string? meeting = null, Instant? concernSince = null)
    {
        var list = Guard.NotNull(youths).Distinct().ToArray();
        if (list.Length == 0 || list.Any(y => y.IsDefault))
        {
            throw new ArgumentException("Name at least one youth, each with a valid BSN.", nameof(youths));
        }

        return new CaseIntake(route, null, list, OrganisationList(organisation), meeting, concernSince);
    }

    /// <summary>
    /// The intake of a match the reference index found: the index route, the youths of both signals, the family of
    /// a family match, both organisations, and the moment of the match as the start of the concern.
    /// </summary>
    /// <param name="match">The match.</param>
    /// <returns>The intake.</returns>
    public static CaseIntake FromMatch(in Match match)
    {
        if (match.IsDefault)
        {
            throw new ArgumentException("The match must not be default.", nameof(match));
        }

        Bsn[] youths = match.Youth == match.OtherYouth ? [match.Youth] : [match.Youth, match.OtherYouth];
        return new CaseIntake(IntakeRoute.ReferenceIndex, match.Family, youths, [.. new[] { match.Organisation, match.OtherOrganisation }.Order()], null, match.FoundAt);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Route} intake ({Family?.ToString() ?? "family unknown"}, {Youths.Count} youths)";

    private static OrganisationId[] OrganisationList(OrganisationId? organisation) => organisation switch
    {
        null => [],
        { IsDefault: true } => throw new ArgumentException("The organisation must not be default.", nameof(organisation)),
        { } value => [value],
    };
}
