using CareCoordination.Sdk.Internal;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class LinearProbingTests
{
    [Theory]
    [InlineData(3, 4, 6, true)]
    [InlineData(3, 6, 6, true)]
    [InlineData(3, 3, 6, false)]
    [InlineData(3, 1, 6, false)]
    [InlineData(14, 15, 1, true)]
    [InlineData(14, 0, 1, true)]
    [InlineData(14, 1, 1, true)]
    [InlineData(14, 14, 1, false)]
    [InlineData(14, 2, 1, false)]
    public void An_entry_behind_an_emptied_one_stays_put_only_when_its_home_lies_after_the_hole_counted_round_the_end(int hole, int home, int next, bool staysPut) =>
        Assert.Equal(staysPut, LinearProbing.StaysPut(hole, home, next));
}
