using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Logbook;

/// <summary>The stored form of a <see cref="LogbookEntry"/>; the youth is stored as its pseudonym's hex digits, never as a BSN.</summary>
internal sealed record LogbookEntryRecorded(Instant At, LogbookEvent Event, int Organisation, int Reporter, long Signal, string Youth)
{
    public static LogbookEntryRecorded Of(LogbookEntry e) =>
        new(e.At, e.Event, e.Organisation.Value, e.Reporter.Value, e.Signal.Value, e.Youth.Value);

    public LogbookEntry ToEntry() =>
        new(At, Event, new OrganisationId(Organisation), new ProfessionalId(Reporter), new SignalId(Signal), PersonPseudonym.Parse(Youth));
}
