using System.Linq;
using CareCoordination.Sdk.Internal;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class FrozenIdTableTests
{
    [Property(MaxTest = 300)]
    public void A_table_answers_every_identifier_as_the_dictionary_it_was_built_from(int[] raw, int[] asked)
    {
        // Positive identifiers, as the directory's are; sequential runs and multiples of the table size included.
        var ids = raw.Select(i => (i & int.MaxValue) | 1).Concat(raw.Select(i => 1 + (i & 63) * 64)).Distinct().ToList();
        var model = ids.ToDictionary(id => id, id => (long)id * 3);
        var table = new FrozenIdTable<long>(model, model.Count);

        foreach (var id in ids.Concat(asked).Append(0).Append(-1).Append(int.MinValue))
        {
            Assert.Equal(model.TryGetValue(id, out var expected), table.TryGetValue(id, out var found));
            Assert.Equal(expected, found);
        }
    }

    [Fact]
    public void An_empty_table_holds_no_identifier()
    {
        var table = new FrozenIdTable<int>([], 0);

        Assert.False(table.TryGetValue(1, out _));
        Assert.False(table.TryGetValue(0, out _));
    }
}
