using System.Collections.Generic;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored event that a decision to share on a legal basis was recorded.</summary>
internal sealed record LegalBasisRecorded(int Id, Bsn Youth, LegalBasis Basis, string Justification, ProfessionalId DecidedBy, OrganisationId Organisation, IReadOnlyList<OrganisationId> Recipients, Instant At, Instant Until)
{
    public static LegalBasisRecorded Of(LegalBasisRecord record) =>
        new(record.Id, record.Youth, record.Basis, record.Justification, record.DecidedBy, record.Organisation, record.Recipients, record.At, record.Until);

    public LegalBasisRecord ToRecord() => new(Id, Youth, Basis, Justification, DecidedBy, Organisation, Recipients, At, Until);
}
