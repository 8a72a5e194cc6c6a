using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Notifications.Notices;

/// <summary>
/// A notice that a signalled youth moved (<em>verhuisbericht</em>, domain rule 5): to each reporter with an active signal
/// about its own signal, and, when the youth moved to another municipality, to that municipality's match coordinator
/// with every active signal and its organisation. It holds no BSN and no address: a recipient looks the youth up through
/// its signal, under the access rules.
/// </summary>
/// <param name="RecipientOrganisation">The organisation it is for; <see langword="null"/> for a municipality whose match coordinator the region did not name (the host routes it by <paramref name="ToMunicipality"/>).</param>
/// <param name="RecipientProfessional">The reporter it is for; <see langword="null"/> for a match coordinator.</param>
/// <param name="Recipient">Whom it is for.</param>
/// <param name="FromMunicipality">The municipality the youth left, when the feed gave it.</param>
/// <param name="ToMunicipality">The municipality the youth moved to, when the feed gave it.</param>
/// <param name="MovedAt">When the index learnt of the move.</param>
/// <param name="Signals">The reporter's own active signal, or, for a match coordinator, every active signal on the youth.</param>
public sealed record MoveNotice(
    OrganisationId? RecipientOrganisation,
    ProfessionalId? RecipientProfessional,
    MoveNoticeRecipient Recipient,
    MunicipalityCode? FromMunicipality,
    MunicipalityCode? ToMunicipality,
    Instant MovedAt,
    IReadOnlyList<MovedSignal> Signals);
