using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// What one organisation offers, on the region's social map (<em>sociale kaart</em>): its services, the problem
/// domains it has expertise in, the municipalities it serves and how to reach it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SocialMapEntry
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <param name="services">The services it offers, by name (for example "opvoedondersteuning"); at least one.</param>
    /// <param name="expertise">The problem domains it has expertise in; at least one.</param>
    /// <param name="catchmentArea">The municipalities it serves (<em>werkgebied</em>); at least one.</param>
    /// <param name="contact">How to reach it.</param>
    /// <param name="howToReach">When and how it takes requests, for example "walk-in Tuesday 9–12, referrals by phone".</param>
    /// <exception cref="ArgumentException">A value is missing.</exception>
    public SocialMapEntry(
        OrganisationId organisation,
        IEnumerable<string> services,
        ProblemDomains expertise,
        IEnumerable<string> catchmentArea,
        ContactDetails contact,
        string howToReach)
    {
        Organisation = Guard.NotDefault(organisation);
        Services = NonEmpty(services, nameof(services));
        if (expertise == ProblemDomains.None || (expertise & ~CaseAssessment.AllDomains) != 0)
        {
            throw new ArgumentException("Name one or more defined problem domains.", nameof(expertise));
        }

        Expertise = expertise;
        CatchmentArea = NonEmpty(catchmentArea, nameof(catchmentArea));
        Contact = Guard.NotNull(contact);
        HowToReach = Guard.NotBlank(howToReach);
    }

    /// <summary>Gets the organisation.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the services it offers.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>Gets the problem domains it has expertise in.</summary>
    public ProblemDomains Expertise { get; }

    /// <summary>Gets the municipalities it serves (<em>werkgebied</em>).</summary>
    public IReadOnlyList<string> CatchmentArea { get; }

    /// <summary>Gets how to reach it.</summary>
    public ContactDetails Contact { get; }

    /// <summary>Gets when and how it takes requests.</summary>
    public string HowToReach { get; }

    /// <summary>Tells whether the organisation has expertise in every domain of <paramref name="domains"/>.</summary>
    /// <param name="domains">The domains.</param>
    /// <returns>Whether it has.</returns>
    public bool HasExpertiseIn(ProblemDomains domains) => domains != ProblemDomains.None && (Expertise & domains) == domains;

    /// <summary>Tells whether the organisation serves a municipality (compared without regard to case).</summary>
    /// <param name="municipality">The municipality's name.</param>
    /// <returns>Whether it does.</returns>
    public bool Serves(string municipality) => CatchmentArea.Contains(municipality, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => $"{Organisation}: {Expertise} in {string.Join(", ", CatchmentArea)}";

    private static string[] NonEmpty(IEnumerable<string> values, string name)
    {
        var list = Guard.NotNull(values, name).Select(v => Guard.NotBlank(v, name).Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return list.Length == 0 ? throw new ArgumentException("Name at least one.", name) : list;
    }
}
