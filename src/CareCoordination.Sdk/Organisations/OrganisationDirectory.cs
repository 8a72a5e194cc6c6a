using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Organisations;

/// <summary>
/// The region's directory of organisations and their professionals (<em>deelnemers</em> of the reference index).
/// </summary>
/// <remarks>
/// Thread-safe. Reads are lock-free against an immutable snapshot, because every registration reads the
/// directory; writes are rare and copy the snapshot.
/// </remarks>
public sealed class OrganisationDirectory
{
    private readonly Lock _writeGate = new();
    private Snapshot _snapshot = new(new Dictionary<int, Organisation>(), new Dictionary<int, Professional>());

    /// <summary>Gets the organisations in the directory.</summary>
    public IReadOnlyCollection<Organisation> Organisations => Volatile.Read(ref _snapshot).Organisations.Values;

    /// <summary>Gets the professionals in the directory.</summary>
    public IReadOnlyCollection<Professional> Professionals => Volatile.Read(ref _snapshot).Professionals.Values;

    /// <summary>Adds an organisation, or replaces the one with the same identifier.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="organisation"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Its organisation coordinator is not a professional of this organisation.</exception>
    public void AddOrReplace(Organisation organisation)
    {
        Guard.NotNull(organisation);
        lock (_writeGate)
        {
            var current = _snapshot;
            if (organisation.OrganisationCoordinator is { } coordinator
                && (!current.Professionals.TryGetValue(coordinator.Value, out var professional) || professional.Organisation != organisation.Id))
            {
                throw new ArgumentException(
                    $"The organisation coordinator {coordinator} is not a professional of {organisation.Id} in the directory; add the professional first.",
                    nameof(organisation));
            }

            var organisations = new Dictionary<int, Organisation>(current.Organisations) { [organisation.Id.Value] = organisation };
            Volatile.Write(ref _snapshot, new Snapshot(organisations, current.Professionals));
        }
    }

    /// <summary>Adds a professional, or replaces the one with the same identifier.</summary>
    /// <param name="professional">The professional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="professional"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The professional's organisation is not in the directory.</exception>
    public void AddOrReplace(Professional professional)
    {
        Guard.NotNull(professional);
        lock (_writeGate)
        {
            var current = _snapshot;
            if (!current.Organisations.ContainsKey(professional.Organisation.Value))
            {
                throw new ArgumentException(
                    $"The organisation {professional.Organisation} of professional {professional.Id} is not in the directory; add the organisation first.",
                    nameof(professional));
            }

            var professionals = new Dictionary<int, Professional>(current.Professionals) { [professional.Id.Value] = professional };
            Volatile.Write(ref _snapshot, new Snapshot(current.Organisations, professionals));
        }
    }

    /// <summary>Looks up an organisation.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="organisation">The organisation, when found.</param>
    /// <returns>Whether it is in the directory.</returns>
    public bool TryGetOrganisation(OrganisationId id, [NotNullWhen(true)] out Organisation? organisation) =>
        Volatile.Read(ref _snapshot).OrganisationLookup.TryGetValue(id.Value, out organisation);

    /// <summary>Looks up a professional.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="professional">The professional, when found.</param>
    /// <returns>Whether it is in the directory.</returns>
    public bool TryGetProfessional(ProfessionalId id, [NotNullWhen(true)] out Professional? professional) =>
        Volatile.Read(ref _snapshot).ProfessionalLookup.TryGetValue(id.Value, out professional);

    /// <summary>Looks up what the index reads about an organisation on every registration and every match, without the organisation itself.</summary>
    internal bool TryGetFacts(OrganisationId id, out OrganisationFacts facts) =>
        Volatile.Read(ref _snapshot).OrganisationFacts.TryGetValue(id.Value, out facts);

    /// <summary>Looks up what the index reads about a reporter on every registration, without the professional itself.</summary>
    internal bool TryGetFacts(ProfessionalId id, out ReporterFacts facts) =>
        Volatile.Read(ref _snapshot).ReporterFacts.TryGetValue(id.Value, out facts);

    /// <summary>Gets an organisation that must be in the directory.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The organisation.</returns>
    /// <exception cref="NotFoundException">It is not in the directory.</exception>
    public Organisation GetOrganisation(OrganisationId id) =>
        TryGetOrganisation(id, out var organisation)
            ? organisation
            : throw NotFoundException.Missing(id.ToString(), $"The organisation {id} is not in the directory.");

    /// <summary>Gets a professional that must be in the directory.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The professional.</returns>
    /// <exception cref="NotFoundException">It is not in the directory.</exception>
    public Professional GetProfessional(ProfessionalId id) =>
        TryGetProfessional(id, out var professional)
            ? professional
            : throw NotFoundException.Missing(id.ToString(), $"The professional {id} is not in the directory.");

    /// <summary>
    /// One version of the directory. Every registration looks up its organisation and its reporter, so lookups go to
    /// frozen copies (hashing tuned to the keys at hand, about half the work of a dictionary's lookup); they are made on
    /// the first lookup after a change, not on every change, so a directory loaded one entry at a time freezes once.
    /// The facts the index reads on every registration are kept in tables of their own, without the objects.
    /// </summary>
    private sealed class Snapshot(Dictionary<int, Organisation> organisations, Dictionary<int, Professional> professionals)
    {
        // Two threads may both freeze the same version; either copy is the same, and the last one stays.
        private FrozenDictionary<int, Organisation>? _organisationLookup;
        private FrozenDictionary<int, Professional>? _professionalLookup;
        private FrozenIdTable<OrganisationFacts>? _organisationFacts;
        private FrozenIdTable<ReporterFacts>? _reporterFacts;

        public Dictionary<int, Organisation> Organisations { get; } = organisations;

        public Dictionary<int, Professional> Professionals { get; } = professionals;

        public FrozenDictionary<int, Organisation> OrganisationLookup => _organisationLookup ??= Organisations.ToFrozenDictionary();

        public FrozenDictionary<int, Professional> ProfessionalLookup => _professionalLookup ??= Professionals.ToFrozenDictionary();

        public FrozenIdTable<OrganisationFacts> OrganisationFacts => _organisationFacts ??= new(
            Organisations.Select(o => KeyValuePair.Create(o.Key, new OrganisationFacts(o.Value.Kind, o.Value.HasMunicipalAgreement))),
            Organisations.Count);

        public FrozenIdTable<ReporterFacts> ReporterFacts => _reporterFacts ??= new(
            Professionals.Select(p => KeyValuePair.Create(p.Key, new ReporterFacts(p.Value.Organisation.Value, p.Value.IsDesignatedReporter))),
            Professionals.Count);
    }
}
