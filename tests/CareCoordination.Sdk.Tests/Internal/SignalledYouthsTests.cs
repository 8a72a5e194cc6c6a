using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class SignalledYouthsTests
{
    private const int Today = 740_000;

    [Fact]
    public void A_youth_counts_until_the_day_its_last_active_signal_ends()
    {
        var youths = new SignalledYouths();
        youths.Move(SignalledYouths.NoDay, Today + 10, Today);
        youths.Move(SignalledYouths.NoDay, Today + 3, Today);

        Assert.Equal(2, youths.CountOn(Today));
        Assert.Equal(2, youths.CountOn(Today + 2));
        Assert.Equal(1, youths.CountOn(Today + 3));
        Assert.Equal(0, youths.CountOn(Today + 10));
    }

    [Fact]
    public void A_move_on_passed_days_changes_nothing_and_the_move_back_takes_it_back()
    {
        var youths = new SignalledYouths();
        Assert.False(youths.Move(Today - 5, Today, Today));
        Assert.True(youths.Move(SignalledYouths.NoDay, Today + 700, Today));
        Assert.True(youths.Move(Today + 700, Today + 5000, Today));

        youths.Move(Today + 5000, Today + 700, Today);

        Assert.Equal(1, youths.CountOn(Today + 699));
        Assert.Equal(0, youths.CountOn(Today + 700));
    }

    [Fact]
    public void Signals_that_end_ever_sooner_keep_the_table_of_days_at_the_length_of_an_active_period()
    {
        var youths = new SignalledYouths();
        for (var day = Today + 730; day > Today; day--)
        {
            youths.Move(SignalledYouths.NoDay, day, Today);
        }

        Assert.Equal(730, youths.CountOn(Today));
        Assert.Equal(1024, youths.DaysHeld);
    }

    [Fact]
    public void A_clock_set_back_before_the_last_night_still_counts_the_youths_it_moves()
    {
        var youths = new SignalledYouths();
        youths.Move(SignalledYouths.NoDay, Today + 30, Today);
        youths.DropUpTo(Today + 10);

        youths.Move(SignalledYouths.NoDay, Today + 5, Today);

        Assert.Equal(2, youths.CountOn(Today));
        Assert.Equal(1, youths.CountOn(Today + 5));
        Assert.Equal(1024, youths.DaysHeld);
    }

    [Property(MaxTest = 200)]
    public void The_count_agrees_with_the_youths_last_days_whatever_the_order_of_moves_and_passed_days(int[] raw)
    {
        var youths = new SignalledYouths();
        var model = new Dictionary<int, int>();
        var today = Today;
        foreach (var value in raw)
        {
            var youth = Math.Abs(value % 7);
            if (value % 11 == 0)
            {
                today += Math.Abs(value % 40);
                youths.DropUpTo(today);
            }
            else
            {
                var before = model.GetValueOrDefault(youth, SignalledYouths.NoDay);
                var after = value % 5 == 0 ? SignalledYouths.NoDay : today + (value % 900);
                youths.Move(before, after, today);
                model[youth] = after;
            }

            Assert.Equal(model.Values.Count(day => day > today), youths.CountOn(today));
        }
    }
}
