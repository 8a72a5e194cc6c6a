using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Notifications.Notices;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored form of a <see cref="MoveNotice"/>; municipalities as their numbers. It holds no BSN and no address.</summary>
internal sealed record MoveNoticeRecorded(
    OrganisationId? RecipientOrganisation,
    ProfessionalId? RecipientProfessional,
    MoveNoticeRecipient Recipient,
    int? FromMunicipality,
    int? ToMunicipality,
    Instant MovedAt,
    IReadOnlyList<MovedSignal> Signals)
{
    public static MoveNoticeRecorded Of(MoveNotice n) =>
        new(n.RecipientOrganisation, n.RecipientProfessional, n.Recipient, n.FromMunicipality?.Value, n.ToMunicipality?.Value, n.MovedAt, n.Signals);

    public MoveNotice ToNotice() => new(
        RecipientOrganisation,
        RecipientProfessional,
        Recipient,
        FromMunicipality is { } from ? MunicipalityCode.FromNumber(from) : null,
        ToMunicipality is { } to ? MunicipalityCode.FromNumber(to) : null,
        MovedAt,
        Signals);
}
