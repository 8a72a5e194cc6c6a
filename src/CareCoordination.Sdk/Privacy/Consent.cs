using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// A consent (<em>toestemming</em>) to share a youth's data: for a purpose, with named recipients, from a start to an
/// optional end, given by the right persons for the youth's age; withdrawal takes effect at once.
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="ToString"/> shows no BSN.</remarks>
public sealed class Consent
{
    internal Consent(int id, Bsn youth, ConsentPurpose purpose, IReadOnlyList<OrganisationId> recipients, ConsentGiver givenBy, Instant start, Instant? end, Instant? withdrawnAt)
    {
        Id = id;
        Youth = youth;
        Purpose = purpose;
        Recipients = recipients;
        GivenBy = givenBy;
        Start = start;
        End = end;
        WithdrawnAt = withdrawnAt;
    }

    /// <summary>Gets the consent's number in the register.</summary>
    public int Id { get; }

    /// <summary>Gets the youth.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public Bsn Youth { get; }

    /// <summary>Gets the purpose.</summary>
    public ConsentPurpose Purpose { get; }

    /// <summary>Gets the organisations that may receive the data.</summary>
    public IReadOnlyList<OrganisationId> Recipients { get; }

    /// <summary>Gets who gave it.</summary>
    public ConsentGiver GivenBy { get; }

    /// <summary>Gets from when it holds.</summary>
    public Instant Start { get; }

    /// <summary>Gets until when it holds, if it ends.</summary>
    public Instant? End { get; }

    /// <summary>Gets when it was withdrawn, if it was.</summary>
    public Instant? WithdrawnAt { get; }

    /// <summary>
    /// Gets the version of the consent: 1 as given, 2 once withdrawn. A change names the version the caller saw
    /// (<see cref="Consents.ConsentRegister.Withdraw(int, int?)"/>), so two professionals acting on one consent never both succeed.
    /// </summary>
    public int Version => WithdrawnAt is null ? 1 : 2;

    /// <summary>Gets the reference the audit trail records for accesses on this consent.</summary>
    public string Reference => "consent-" + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tells whether the consent covers an access.</summary>
    /// <param name="purpose">The purpose of the access.</param>
    /// <param name="recipient">The organisation that receives the data.</param>
    /// <param name="at">When.</param>
    /// <returns>Whether it does.</returns>
    public bool Covers(ConsentPurpose purpose, OrganisationId recipient, Instant at) =>
        Purpose == purpose && at >= Start && (End is not { } end || at < end) && (WithdrawnAt is not { } withdrawn || at < withdrawn)
        && ((IList<OrganisationId>)Recipients).Contains(recipient);

    /// <inheritdoc/>
    public override string ToString() => $"{Reference}: {Purpose} for {Recipients.Count} organisation(s), given by {GivenBy}{(WithdrawnAt is null ? string.Empty : ", withdrawn")}";

    internal Consent Withdraw(Instant at) => new(Id, Youth, Purpose, Recipients, GivenBy, Start, End, at);
}
