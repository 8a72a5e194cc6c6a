using NodaTime;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: a signal left the active index for the historical archive (<em>historisch archief</em>), where it is never matched.</summary>
/// <param name="Signal">The signal as it was.</param>
/// <param name="Reason">Why it left the active index.</param>
/// <param name="ArchivedOn">The date it was archived, from which the archive period runs.</param>
/// <param name="At">When.</param>
public readonly record struct SignalArchived(Signal Signal, SignalEndReason Reason, LocalDate ArchivedOn, Instant At);
