using System;
using System.Threading;
using NodaTime;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Turns instants into local dates in the region's time zone. It remembers the current day with its bounds and the
/// end of a signal's active period made that day, because every registration needs them and the time-zone and period
/// arithmetic cost more than the rest of a registration.
/// </summary>
internal sealed class LocalCalendar
{
    private readonly DateTimeZone _zone;
    private readonly Period _activePeriod;
    private CalendarDay _today = new(long.MaxValue, long.MinValue, default, 0, 0);

    public LocalCalendar(DateTimeZone zone, Period activePeriod)
    {
        _zone = zone;
        _activePeriod = activePeriod;
    }

    public CalendarDay DayOf(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var day = Volatile.Read(ref _today);
        if (ticks >= day.StartTicks && ticks < day.EndTicks)
        {
            return day;
        }

        var date = instant.InZone(_zone).Date;
        var start = _zone.AtStartOfDay(date).ToInstant().ToUnixTimeTicks();
        var end = _zone.AtStartOfDay(date.PlusDays(1)).ToInstant().ToUnixTimeTicks();
        day = new CalendarDay(start, end, date, DayNumber(date), DayNumber(date.Plus(_activePeriod)));
        Volatile.Write(ref _today, day);
        return day;
    }

    public static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    public static LocalDate FromDayNumber(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));

    /// <summary>The day number of the date <paramref name="years"/> later; 29 February becomes 28 February in other years, as in NodaTime.</summary>
    public static int DayNumberYearsLater(LocalDate date, int years)
    {
        var year = date.Year + years;
        var day = Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month));
        return new DateOnly(year, date.Month, day).DayNumber;
    }
}
