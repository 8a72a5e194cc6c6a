using System;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// A match (<em>match</em>) the reference index found: two signals from different organisations on the same youth,
/// on youths of one family or one address, or on a youth and an archived signal of that youth. It designates the match coordinator
/// (<em>matchregisseur</em>) who makes sure the professionals contact each other.
/// </summary>
/// <remarks>
/// A match is a pair: <see cref="Signal"/> is the signal whose registration found it, <see cref="OtherSignal"/> the
/// one it found; <see cref="IsSamePairAs"/> compares pairs regardless of side. <c>default(Match)</c> is no match.
/// It names only the youth of its own signal: for a family or an address match the other youth is known only as another youth
/// (<see cref="ConcernsAnotherYouth"/>), so an answer to a reporter never identifies a youth the reporter did not
/// signal. <see cref="ToString"/> names no youth.
/// Immutable and thread-safe.
/// </remarks>
public readonly struct Match : IEquatable<Match>
{
    internal Match(MatchKind kind, Signal signal, Signal otherSignal, OrganisationId matchCoordinator, FamilyId? family, Instant foundAt)
    {
        Kind = kind;
        Signal = signal.Id;
        OtherSignal = otherSignal.Id;
        Youth = signal.Youth;
        OtherYouth = otherSignal.Youth;
        Organisation = signal.Organisation;
        OtherOrganisation = otherSignal.Organisation;
        Reporter = signal.Reporter;
        OtherReporter = otherSignal.Reporter;
        MatchCoordinator = matchCoordinator;
        Family = family;
        FoundAt = foundAt;
    }

    private Match(in Match source, Bsn youth, Bsn otherYouth)
        : this(source, mirror: false)
    {
        Youth = youth;
        OtherYouth = otherYouth;
    }

    private Match(in Match source, bool mirror)
    {
        Kind = source.Kind;
        Signal = mirror ? source.OtherSignal : source.Signal;
        OtherSignal = mirror ? source.Signal : source.OtherSignal;
        Youth = mirror ? source.OtherYouth : source.Youth;
        OtherYouth = mirror ? source.Youth : source.OtherYouth;
        Organisation = mirror ? source.OtherOrganisation : source.Organisation;
        OtherOrganisation = mirror ? source.Organisation : source.OtherOrganisation;
        Reporter = mirror ? source.OtherReporter : source.Reporter;
        OtherReporter = mirror ? source.Reporter : source.OtherReporter;
        MatchCoordinator = source.MatchCoordinator;
        Family = source.Family;
        FoundAt = source.FoundAt;
    }

    /// <summary>Gets what the two signals share.</summary>
    public MatchKind Kind { get; }

    /// <summary>Gets the signal on this side of the match.</summary>
    public SignalId Signal { get; }

    /// <summary>Gets the signal on the other side of the match.</summary>
    public SignalId OtherSignal { get; }

    /// <summary>Gets the youth of <see cref="Signal"/>.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public Bsn Youth { get; }

    /// <summary>
    /// Gets the youth of <see cref="OtherSignal"/>, for the index's own use (the desk's intake, the logbook). It is not
    /// public: for a family match the law lets the reporter know only that the match concerns another youth
    /// (<see cref="ConcernsAnotherYouth"/>), never which one.
    /// </summary>
    internal Bsn OtherYouth { get; }

    /// <summary>
    /// Gets a value indicating whether the match concerns another youth than <see cref="Youth"/> (a family match,
    /// <em>gezinsmatch</em>, or an address match, <em>adresmatch</em>); which youth is not said, by law.
    /// </summary>
    public bool ConcernsAnotherYouth => Youth != OtherYouth;

    /// <summary>Gets the organisation of <see cref="Signal"/>.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the organisation of <see cref="OtherSignal"/>; never the same as <see cref="Organisation"/>.</summary>
    public OrganisationId OtherOrganisation { get; }

    /// <summary>Gets the contact professional of <see cref="Signal"/>.</summary>
    public ProfessionalId Reporter { get; }

    /// <summary>Gets the contact professional of <see cref="OtherSignal"/>.</summary>
    public ProfessionalId OtherReporter { get; }

    /// <summary>Gets the organisation that must make sure the matched professionals contact each other (<em>matchregisseur</em>).</summary>
    public OrganisationId MatchCoordinator { get; }

    /// <summary>Gets the family through which the youths match, for a family match; otherwise <see langword="null"/>.</summary>
    public FamilyId? Family { get; }

    /// <summary>Gets when the match was found.</summary>
    public Instant FoundAt { get; }

    /// <summary>Gets a value indicating whether this is <c>default(Match)</c>.</summary>
    public bool IsDefault => Signal.IsDefault;

    internal Match WithYouths(Bsn youth, Bsn otherYouth) => new(this, youth, otherYouth);

    // The same match seen from the other signal's side. Internal: for a family match it names the other youth, which
    // only that youth's own reporter may see.
    internal Match Mirror() => new(this, mirror: true);

    /// <summary>Tells whether a signal is one of the pair.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>Whether it is.</returns>
    public bool Involves(SignalId signal) => Signal == signal || OtherSignal == signal;

    /// <summary>Tells whether another match joins the same two signals, from either side.</summary>
    /// <param name="other">The other match.</param>
    /// <returns>Whether it does.</returns>
    public bool IsSamePairAs(in Match other) =>
        Kind == other.Kind
        && ((Signal == other.Signal && OtherSignal == other.OtherSignal) || (Signal == other.OtherSignal && OtherSignal == other.Signal));

    /// <inheritdoc/>
    public bool Equals(Match other) =>
        Kind == other.Kind && Signal == other.Signal && OtherSignal == other.OtherSignal && Youth == other.Youth
        && OtherYouth == other.OtherYouth && Organisation == other.Organisation && OtherOrganisation == other.OtherOrganisation
        && Reporter == other.Reporter && OtherReporter == other.OtherReporter && MatchCoordinator == other.MatchCoordinator
        && Family == other.Family && FoundAt == other.FoundAt;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Match other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Signal, OtherSignal, MatchCoordinator, FoundAt);

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} match {Signal} ({Organisation}) ~ {OtherSignal} ({OtherOrganisation}), coordinated by {MatchCoordinator}";

    /// <summary>Compares two matches for equality.</summary>
    /// <param name="left">The first match.</param>
    /// <param name="right">The second match.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Match left, Match right) => left.Equals(right);

    /// <summary>Compares two matches for inequality.</summary>
    /// <param name="left">The first match.</param>
    /// <param name="right">The second match.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Match left, Match right) => !left.Equals(right);
}
