using NodaTime;

namespace CareCoordination.Sdk.Internal;

/// <summary>One local day: its bounds as Unix ticks, its date and day number, and the day an active period begun on it ends.</summary>
internal sealed record CalendarDay(long StartTicks, long EndTicks, LocalDate Date, int DayNumber, int ActiveEndDayNumber);
