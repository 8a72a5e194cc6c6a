using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class IdTableTests
{
    [Property(MaxTest = 300)]
    public void The_table_agrees_with_a_dictionary_over_any_sequence_of_sets_and_removals(List<(byte Id, bool Remove, byte Value)> operations)
    {
        var table = new IdTable<string>();
        var model = new Dictionary<int, string>();
        foreach (var (rawId, remove, value) in operations)
        {
            // Few distinct identifiers make long probe runs, growth and many backward shifts.
            var id = 1 + (rawId % 40);
            if (remove)
            {
                Assert.Equal(model.Remove(id), table.Remove(id));
            }
            else
            {
                table.Set(id, $"family {value}");
                model[id] = $"family {value}";
            }

            Assert.Equal(model.Count, table.Count);
            Assert.Equal(model.OrderBy(item => item.Key), table.Items.OrderBy(item => item.Key));
            foreach (var k in Enumerable.Range(1, 40))
            {
                Assert.Equal(model.GetValueOrDefault(k), Found(table, k));
            }
        }
    }

    [Fact]
    public void Removing_from_the_middle_of_a_probe_run_keeps_the_later_identifiers_reachable()
    {
        var table = new IdTable<string>();
        table.EnsureCapacity(11);
        var ids = Enumerable.Range(1, 11).Select(i => i * 64).ToArray();
        foreach (var id in ids)
        {
            table.Set(id, $"family {id}");
        }

        foreach (var id in ids.Where((_, i) => i % 2 == 0))
        {
            Assert.True(table.Remove(id));
        }

        Assert.All(ids.Select((id, i) => (id, i)), x => Assert.Equal(x.i % 2 == 0 ? null : $"family {x.id}", Found(table, x.id)));
        Assert.Equal(5, table.Count);
    }

    [Fact]
    public void An_identifier_the_table_does_not_hold_is_found_as_nothing_and_refused_by_the_indexer()
    {
        var table = new IdTable<string>();
        table.Set(7, "family 7");

        Assert.False(table.TryGetValue(8, out _));
        Assert.False(table.Remove(8));
        Assert.Equal("family 7", table[7]);
        Assert.Throws<KeyNotFoundException>(() => table[8]);
    }

    [Fact]
    public void An_identifier_that_is_not_positive_is_refused_and_leaves_the_table_as_it_was()
    {
        var table = new IdTable<string>();
        table.Set(3, "family 3");

        Assert.Throws<ArgumentOutOfRangeException>(() => table.Set(0, "family 0"));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Set(-3, "family -3"));

        Assert.Equal(1, table.Count);
        Assert.Equal([KeyValuePair.Create(3, "family 3")], table.Items);
    }

    private static string? Found(IdTable<string> table, int id) => table.TryGetValue(id, out var value) ? value : null;
}
