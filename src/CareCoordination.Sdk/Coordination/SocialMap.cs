using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The region's social map (<em>sociale kaart</em>): who can do what for a family, searchable by problem domain and
/// municipality. A coordinator cannot coordinate without it ("ik kan mijn coördinatorrol pas goed uitvoeren als ik
/// van de andere hulpverleners weet wat zij aan expertise in huis hebben"), and coordinator assignment uses it to
/// find the organisations that fit a family's core problem.
/// </summary>
/// <remarks>Immutable and thread-safe: <see cref="With"/> and <see cref="Without"/> return a new map.</remarks>
public sealed class SocialMap
{
    private readonly ImmutableSortedDictionary<OrganisationId, SocialMapEntry> _entries;

    /// <summary>Initializes a new, empty map.</summary>
    public SocialMap()
        : this(ImmutableSortedDictionary<OrganisationId, SocialMapEntry>.Empty)
    {
    }

    private SocialMap(ImmutableSortedDictionary<OrganisationId, SocialMapEntry> entries) => _entries = entries;

    /// <summary>Gets every entry, ordered by organisation.</summary>
    public IReadOnlyCollection<SocialMapEntry> Entries => [.. _entries.Values];

    /// <summary>Returns a map with the entry added, or replacing the organisation's earlier entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new map.</returns>
    public SocialMap With(SocialMapEntry entry) => new(_entries.SetItem(Guard.NotNull(entry).Organisation, entry));

    /// <summary>Returns a map without the organisation's entry.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The new map.</returns>
    public SocialMap Without(OrganisationId organisation) => new(_entries.Remove(organisation));

    /// <summary>Finds the organisation's entry.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The entry, or <see langword="null"/> when the organisation is not on the map.</returns>
    public SocialMapEntry? Find(OrganisationId organisation) => _entries.GetValueOrDefault(organisation);

    /// <summary>Lists the organisations with expertise in a problem domain, optionally only those serving a municipality.</summary>
    /// <param name="domain">One or more domains; an organisation must cover all of them.</param>
    /// <param name="municipality">The family's municipality, or <see langword="null"/> for the whole region.</param>
    /// <returns>The entries, ordered by organisation.</returns>
    public IReadOnlyList<SocialMapEntry> Search(ProblemDomains domain, string? municipality = null) =>
        [.. _entries.Values.Where(e => e.HasExpertiseIn(domain) && (municipality is null || e.Serves(municipality)))];

    /// <summary>Tells whether an organisation has expertise in a domain according to the map.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>Whether it has; <see langword="false"/> for an organisation not on the map.</returns>
    public bool HasExpertise(OrganisationId organisation, ProblemDomains domain) =>
        _entries.TryGetValue(organisation, out var entry) && entry.HasExpertiseIn(domain);
}
