using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Logbook;

/// <summary>
/// One line of the reference index's logbook (<em>logboek</em>, domain rule 10): which reporter signalled, withdrew,
/// was removed or was notified, about which signal, and when. The youth is named only by keyed pseudonym, so the line
/// outlives the signal without keeping its BSN.
/// </summary>
/// <param name="At">When it happened.</param>
/// <param name="Event">What happened.</param>
/// <param name="Organisation">The reporter's organisation.</param>
/// <param name="Reporter">The reporting professional.</param>
/// <param name="Signal">The reporter's signal.</param>
/// <param name="Youth">The youth, by keyed pseudonym (<see cref="Pseudonymiser"/>).</param>
public sealed record LogbookEntry(Instant At, LogbookEvent Event, OrganisationId Organisation, ProfessionalId Reporter, SignalId Signal, PersonPseudonym Youth);
