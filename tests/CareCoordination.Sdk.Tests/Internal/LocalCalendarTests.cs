using System.Linq;
using CareCoordination.Sdk.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class LocalCalendarTests
{
    private static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    // Zones whose offset changes at local midnight, and Samoa, which skipped 30 December 2011 altogether.
    private static readonly DateTimeZone[] Zones =
        [Amsterdam, DateTimeZoneProviders.Tzdb["America/Santiago"], DateTimeZoneProviders.Tzdb["Asia/Beirut"], DateTimeZoneProviders.Tzdb["Pacific/Apia"]];

    private static readonly Instant From = Instant.FromUtc(2010, 1, 1, 0, 0);

    [Fact]
    public void A_day_runs_from_local_midnight_to_the_next_and_knows_when_an_active_period_begun_on_it_ends()
    {
        var calendar = new LocalCalendar(Amsterdam, Period.FromYears(1));
        var noon = new LocalDateTime(2026, 12, 6, 12, 0).InZoneStrictly(Amsterdam).ToInstant();

        var day = calendar.DayOf(noon);

        Assert.Equal(new LocalDate(2026, 12, 6), day.Date);
        Assert.Equal(Amsterdam.AtStartOfDay(day.Date).ToInstant().ToUnixTimeTicks(), day.StartTicks);
        Assert.Equal(Amsterdam.AtStartOfDay(day.Date.PlusDays(1)).ToInstant().ToUnixTimeTicks(), day.EndTicks);
        Assert.Equal(LocalCalendar.DayNumber(new LocalDate(2027, 12, 6)), day.ActiveEndDayNumber);
    }

    [Fact]
    public void On_the_night_summer_time_begins_the_hours_before_and_after_the_change_keep_their_date()
    {
        var calendar = new LocalCalendar(Amsterdam, Period.FromYears(1));
        var beforeChange = new LocalDateTime(2026, 3, 29, 1, 30).InZoneStrictly(Amsterdam).ToInstant();
        var afterChange = new LocalDateTime(2026, 3, 29, 3, 30).InZoneStrictly(Amsterdam).ToInstant();

        var first = calendar.DayOf(beforeChange);
        var second = calendar.DayOf(afterChange);

        Assert.Equal(new LocalDate(2026, 3, 29), first.Date);
        Assert.Equal(new LocalDate(2026, 3, 29), second.Date);
        Assert.Equal(Amsterdam.AtStartOfDay(new LocalDate(2026, 3, 30)).ToInstant().ToUnixTimeTicks(), second.EndTicks);
    }

    [Property(MaxTest = 300)]
    public void Every_instant_gets_its_local_date_and_a_day_whose_bounds_hold_only_that_date(uint[] minutes, byte zone)
    {
        var region = Zones[zone % Zones.Length];
        var calendar = new LocalCalendar(region, Period.FromYears(1));

        // In order and out of order, so that the remembered day is both reused and replaced.
        foreach (var minute in minutes.Concat(minutes.OrderBy(m => m)))
        {
            var instant = From + Duration.FromMinutes(minute % (20 * 366 * 24 * 60));
            var day = calendar.DayOf(instant);

            Assert.Equal(instant.InZone(region).Date, day.Date);
            Assert.InRange(instant.ToUnixTimeTicks(), day.StartTicks, day.EndTicks - 1);
            Assert.Equal(day.Date, Instant.FromUnixTimeTicks(day.StartTicks).InZone(region).Date);
            Assert.Equal(day.Date, Instant.FromUnixTimeTicks(day.EndTicks - 1).InZone(region).Date);
        }
    }

    [Property(MaxTest = 3000)]
    public Property An_age_limit_falls_on_the_day_NodaTime_adds_the_years_to() =>
        // From year 1 to about 9950, with up to 40 years added, so that the result stays within DateOnly's range; the
        // generator picks days over the whole range, where FsCheck's own numbers would stay near year 1.
        Prop.ForAll(
            Gen.Zip(Gen.Choose(0, 3_634_000), Gen.Choose(0, 40)).ToArbitrary(),
            c =>
            {
                var date = LocalCalendar.FromDayNumber(c.Item1);
                return LocalCalendar.DayNumber(date.PlusYears(c.Item2)) == LocalCalendar.DayNumberYearsLater(date, c.Item2);
            });

    [Theory]
    [InlineData(2004, 2, 29, 23, 2027, 2, 28)]
    [InlineData(2004, 2, 29, 24, 2028, 2, 29)]
    [InlineData(1977, 2, 28, 23, 2000, 2, 28)]
    [InlineData(1977, 3, 1, 23, 2000, 3, 1)]
    [InlineData(2003, 12, 31, 23, 2026, 12, 31)]
    public void An_age_limit_falls_on_the_birthday_or_for_one_born_on_29_February_on_28_February_of_a_common_year(int year, int month, int day, int years, int limitYear, int limitMonth, int limitDay) =>
        Assert.Equal(LocalCalendar.DayNumber(new LocalDate(limitYear, limitMonth, limitDay)), LocalCalendar.DayNumberYearsLater(new LocalDate(year, month, day), years));
}
