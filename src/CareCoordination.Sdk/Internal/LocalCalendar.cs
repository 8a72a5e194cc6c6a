using System.Threading;
using NodaTime;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Turns instants into local dates in the region's time zone. It remembers the current day's bounds, because every
/// registration needs today's date and the time-zone lookup costs more than the rest of a registration.
/// </summary>
internal sealed class LocalCalendar
{
    private readonly DateTimeZone _zone;
    private Day _today = new(long.MaxValue, long.MinValue, default);

    public LocalCalendar(DateTimeZone zone) => _zone = zone;

    public LocalDate DateOf(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var day = Volatile.Read(ref _today);
        if (ticks >= day.StartTicks && ticks < day.EndTicks)
        {
            return day.Date;
        }

        var date = instant.InZone(_zone).Date;
        var start = _zone.AtStartOfDay(date).ToInstant().ToUnixTimeTicks();
        var end = _zone.AtStartOfDay(date.PlusDays(1)).ToInstant().ToUnixTimeTicks();
        Volatile.Write(ref _today, new Day(start, end, date));
        return date;
    }

    public static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    public static LocalDate FromDayNumber(int dayNumber) => LocalDate.FromDateOnly(System.DateOnly.FromDayNumber(dayNumber));

    private sealed record Day(long StartTicks, long EndTicks, LocalDate Date);
}
