using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// A recorded decision to share a youth's data without consent, on a legal basis: the basis, its justification, the
/// professional who decided, and the organisations that may receive the data until when. Accesses on it are flagged
/// for review.
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="ToString"/> shows no BSN.</remarks>
public sealed class LegalBasisRecord
{
    internal LegalBasisRecord(int id, Bsn youth, LegalBasis basis, string justification, ProfessionalId decidedBy, OrganisationId organisation, IReadOnlyList<OrganisationId> recipients, Instant at, Instant until)
    {
        Id = id;
        Youth = youth;
        Basis = basis;
        Justification = justification;
        DecidedBy = decidedBy;
        Organisation = organisation;
        Recipients = recipients;
        At = at;
        Until = until;
    }

    /// <summary>Gets the record's number.</summary>
    public int Id { get; }

    /// <summary>Gets the youth.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public Bsn Youth { get; }

    /// <summary>Gets the legal basis.</summary>
    public LegalBasis Basis { get; }

    /// <summary>Gets the justification, in the deciding professional's words.</summary>
    public string Justification { get; }

    /// <summary>Gets the professional who decided.</summary>
    public ProfessionalId DecidedBy { get; }

    /// <summary>Gets the deciding professional's organisation.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the organisations that may receive the data.</summary>
    public IReadOnlyList<OrganisationId> Recipients { get; }

    /// <summary>Gets when it was decided.</summary>
    public Instant At { get; }

    /// <summary>Gets until when it holds.</summary>
    public Instant Until { get; }

    /// <summary>Gets the reference the audit trail records.</summary>
    public string Reference => "legal-basis-" + Id.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => $"{Reference}: {Basis}, decided by {DecidedBy}";
}
