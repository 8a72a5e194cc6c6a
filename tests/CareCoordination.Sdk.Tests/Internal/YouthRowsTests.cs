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

        // Sixteen rows, the least the table holds, of eight ints: key, three columns, the sibling run, the family and the
        // masked number.
        Assert.Equal(16 * 32, rows.AllocatedBytes);
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
