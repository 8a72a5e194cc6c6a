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

        // The bounds are where the instant's local day and its zone interval overlap: within them the offset is the
        // instant's, so every instant there has its date. A day whose offset changes gets a second CalendarDay for the
        // rest of it. Reading the interval allocates nothing, where mapping local midnight to an instant does.
        var interval = _zone.GetZoneInterval(instant);
        var offset = interval.WallOffset.Ticks;
        var local = ticks + offset;
        var midnight = local - (((local % NodaConstants.TicksPerDay) + NodaConstants.TicksPerDay) % NodaConstants.TicksPerDay);
        var start = Math.Max(midnight - offset, interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue);
        var end = Math.Min(midnight + NodaConstants.TicksPerDay - offset, interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue);
        var date = instant.InZone(_zone).Date;
        day = new CalendarDay(start, end, date, DayNumber(date), DayNumber(date.Plus(_activePeriod)));
        Volatile.Write(ref _today, day);
        return day;
    }

    public static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber;

    public static LocalDate FromDayNumber(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));

    /// <summary>The day number of the date <paramref name="years"/> later; 29 February becomes 28 February in other years, as in NodaTime.</summary>
    /// <remarks>
    /// Every registration works out its youth's age limit with it, so it counts the days itself: through
    /// <see cref="DateOnly"/> it cost a few hundred instructions of range checks and calls, more than the rules it serves.
    /// </remarks>
    public static int DayNumberYearsLater(LocalDate date, int years)
    {
        var year = date.Year + years;
        var month = date.Month;
        var day = date.Day;
        if (year is < 1 or > 9999)
        {
            // Where DateOnly ends, it says so as before.
            return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))).DayNumber;
        }

        var leap = DateTime.IsLeapYear(year);
        if (month == 2 && day == 29 && !leap)
        {
            day = 28;
        }

        var before = year - 1;
        return (before * 365) + (before / 4) - (before / 100) + (before / 400) + DaysBeforeMonth(month, leap) + day - 1;
    }

    private static int DaysBeforeMonth(int month, bool leap)
    {
        ReadOnlySpan<short> common = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        return common[month - 1] + (leap && month > 2 ? 1 : 0);
    }
}
