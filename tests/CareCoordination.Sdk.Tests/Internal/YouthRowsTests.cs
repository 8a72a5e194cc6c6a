using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class YouthRowsTests
{
    [Property(MaxTest = 300)]
    public void Each_column_agrees_with_its_own_dictionary_over_any_sequence_of_sets_and_removals_in_any_column(List<(byte Key, byte Column, sbyte Value)> operations)
    {
        var rows = new YouthRows(capacity: 4);
        var columns = Enumerable.Range(0, YouthRows.Columns).Select(c => new YouthTable(rows, c)).ToArray();
        var models = Enumerable.Range(0, YouthRows.Columns).Select(_ => new Dictionary<int, int>()).ToArray();
        foreach (var (rawKey, rawColumn, rawValue) in operations)
        {
            // Few distinct keys make long probe chains and many backward shifts; keys are never 0 (the empty marker).
            var key = 1 + (rawKey % 40);
            var column = rawColumn % YouthRows.Columns;
            var value = rawValue < 0 ? -1 : rawValue;
            columns[column].SetHead(key, value);
            if (value < 0)
            {
                models[column].Remove(key);
            }
            else
            {
                models[column][key] = value;
            }

            for (var c = 0; c < YouthRows.Columns; c++)
            {
                Assert.Equal(models[c].Count, columns[c].Count);
                Assert.Equal(models[c].Values.Order(), columns[c].Heads.Order());
                foreach (var k in Enumerable.Range(1, 40))
                {
                    Assert.Equal(models[c].TryGetValue(k, out var expected) ? expected : -1, columns[c].HeadOf(k));
                }
            }
        }
    }

    [Fact]
    public void Removing_from_the_middle_of_a_probe_chain_keeps_the_later_youths_reachable()
    {
        var active = new YouthTable(new YouthRows(capacity: 16), YouthRows.Active);
        var keys = Enumerable.Range(1, 11).ToArray();
        foreach (var key in keys)
        {
            active.SetHead(key, key * 10);
        }

        foreach (var key in keys.Where(k => k % 2 == 0))
        {
            active.SetHead(key, -1);
        }

        Assert.All(keys, k => Assert.Equal(k % 2 == 0 ? -1 : k * 10, active.HeadOf(k)));
        Assert.Equal(6, active.Count);
    }

    [Fact]
    public void A_youth_whose_active_signals_are_gone_keeps_its_archive_and_age_limit_in_the_same_row()
    {
        var rows = new YouthRows();
        var active = new YouthTable(rows, YouthRows.Active);
        var archive = new YouthTable(rows, YouthRows.Archive);
        var ageLimits = new YouthTable(rows, YouthRows.AgeLimit);
        active.SetHead(123456782, 4);
        archive.SetHead(123456782, 9);
        ageLimits.SetHead(123456782, 745_000);

        active.SetHead(123456782, -1);

        Assert.Equal((-1, 9, 745_000), (active.HeadOf(123456782), archive.HeadOf(123456782), ageLimits.HeadOf(123456782)));
        Assert.Equal((0, 1, 1), (active.Count, archive.Count, ageLimits.Count));

        // Sixteen rows, the least the table holds, and one more so that they can start on a line boundary, each one cache
        // line: eight ints (key, three columns, the sibling run, the family and the masked number) and the copy of the
        // first active slot's facts.
        Assert.Equal(17 * 64, rows.AllocatedBytes);
    }

    [Fact]
    public void A_youth_s_row_keeps_the_facts_of_the_first_signal_of_its_active_chain_and_takes_them_again_after_the_signal_changes()
    {
        var slots = new SignalSlots();
        var rows = new YouthRows(slots);
        var active = new YouthTable(rows, YouthRows.Active);
        var first = slots.Take();
        slots[first] = new SignalSlot { Id = 7, RegisteredTicks = 11, Youth = 123456782, Organisation = 3, Reporter = 5, Next = -1, Day = 900, Expiry = 1, State = SignalSlot.Active };
        active.SetHead(123456782, first);
        var second = slots.Take();
        slots[second] = new SignalSlot { Id = 8, RegisteredTicks = 12, Youth = 123456782, Organisation = 4, Reporter = 6, Next = first, Day = 950, State = SignalSlot.Active };
        active.SetHead(123456782, second);

        Assert.Equal(second, rows.ActiveHeadOf(123456782, out var head));
        Assert.Equal((8L, 12L, 4, 6, 950, true), (head.Id, head.RegisteredTicks, head.Organisation, head.Reporter, head.Day, head.Followed));

        // Changed in place: a slot behind the first is not copied, the first is once refreshed.
        slots[first].Day = 990;
        rows.RefreshHead(123456782, first);
        slots[second].Day = 999;
        slots[second].Next = -1;
        Assert.False(rows.HeadCopiesAgree());
        rows.RefreshHead(123456782, second);
        Assert.True(rows.HeadCopiesAgree());
        rows.ActiveHeadOf(123456782, out head);
        Assert.Equal((999, false), (head.Day, head.Followed));

        // Without an active chain the row answers no facts, whatever it held before.
        active.SetHead(123456782, -1);
        Assert.Equal(-1, rows.ActiveHeadOf(123456782, out head));
        Assert.Equal(default, head);
    }

    [Fact]
    public void Prefetching_any_youths_row_changes_nothing_while_the_rows_grow()
    {
        var rows = new YouthRows();
        var active = new YouthTable(rows, YouthRows.Active);
        for (var key = 1; key <= 1_000; key++)
        {
            active.Prefetch(key);
            active.Prefetch(int.MaxValue - key);
            active.SetHead(key, key * 2);
        }

        Assert.Equal(1_000, active.Count);
        Assert.All(Enumerable.Range(1, 1_000), key => Assert.Equal(key * 2, active.HeadOf(key)));
        Assert.Equal(-1, active.HeadOf(int.MaxValue - 1));
    }

    [Fact]
    public void A_youth_s_row_says_whether_it_belongs_to_no_family_one_family_or_more()
    {
        var rows = new YouthRows();

        Assert.Equal(0, rows.FamiliesOf(123456782, out _));
        rows.SetFamilies(123456782, 77, 1);
        Assert.Equal((1, 77), (rows.FamiliesOf(123456782, out var only), only));
        rows.SetFamilies(123456782, 77, 3);
        Assert.Equal(2, rows.FamiliesOf(123456782, out _));
        rows.SetFamilies(123456782, 78, 1);
        Assert.Equal((1, 78), (rows.FamiliesOf(123456782, out only), only));
        rows.SetFamilies(123456782, 0, 0);
        Assert.Equal(0, rows.FamiliesOf(123456782, out _));
    }

    [Fact]
    public void A_masked_number_is_kept_only_while_its_youth_s_row_holds_something_else()
    {
        var rows = new YouthRows();
        var active = new YouthTable(rows, YouthRows.Active);

        rows.KeepMaskedNumber(123456782, 42);
        Assert.Equal(-1, rows.MaskedNumberOf(123456782));

        active.SetHead(123456782, 5);
        rows.KeepMaskedNumber(123456782, 42);
        rows.SetSiblings(123456782, 8, 2);
        Assert.Equal(42, rows.MaskedNumberOf(123456782));

        // The row goes with its last value, and the masked number with it: it does not keep the row.
        active.SetHead(123456782, -1);
        Assert.Equal(42, rows.MaskedNumberOf(123456782));
        rows.SetSiblings(123456782, 0, 0);
        Assert.Equal(-1, rows.MaskedNumberOf(123456782));
        Assert.Equal(0, active.Count);
        active.SetHead(123456782, 6);
        Assert.Equal(-1, rows.MaskedNumberOf(123456782));
    }
}
