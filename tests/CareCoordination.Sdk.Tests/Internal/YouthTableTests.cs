using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class YouthTableTests
{
    [Property(MaxTest = 300)]
    public void The_table_agrees_with_a_dictionary_over_any_sequence_of_sets_and_removals(List<(byte Key, sbyte Head)> operations)
    {
        var table = new YouthTable(capacity: 4);
        var model = new Dictionary<int, int>();
        foreach (var (rawKey, rawHead) in operations)
        {
            // Few distinct keys make long probe chains and many backward shifts; keys are never 0 (the empty marker).
            var key = 1 + (rawKey % 40);
            var head = rawHead < 0 ? -1 : rawHead;
            table.SetHead(key, head);
            if (head < 0)
            {
                model.Remove(key);
            }
            else
            {
                model[key] = head;
            }

            Assert.Equal(model.Count, table.Count);
            foreach (var k in Enumerable.Range(1, 40))
            {
                Assert.Equal(model.TryGetValue(k, out var expected) ? expected : -1, table.HeadOf(k));
            }
        }
    }

    [Fact]
    public void Removing_from_the_middle_of_a_probe_chain_keeps_the_later_entries_reachable()
    {
        var table = new YouthTable(capacity: 16);
        var keys = Enumerable.Range(1, 11).ToArray();
        foreach (var key in keys)
        {
            table.SetHead(key, key * 10);
        }

        foreach (var key in keys.Where(k => k % 2 == 0))
        {
            table.SetHead(key, -1);
        }

        Assert.All(keys, k => Assert.Equal(k % 2 == 0 ? -1 : k * 10, table.HeadOf(k)));
        Assert.Equal(6, table.Count);
    }
}
