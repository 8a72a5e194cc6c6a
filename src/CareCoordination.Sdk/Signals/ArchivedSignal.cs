using NodaTime;

namespace CareCoordination.Sdk.Signals;

/// <summary>
/// A signal in the historical archive (<em>historisch archief</em>): visible to auditors and to the youth's access
/// request, never matched, offered once as a match when the youth is signalled again, deleted after the archive period.
/// </summary>
/// <param name="Signal">The signal as it was when it left the active index; its <see cref="Signal.ExpiresOn"/> is the date it left.</param>
/// <param name="ArchivedOn">The date it was archived.</param>
/// <param name="OfferedAsMatch">Whether it has already been offered as a match after a new signal.</param>
public readonly record struct ArchivedSignal(Signal Signal, LocalDate ArchivedOn, bool OfferedAsMatch);
