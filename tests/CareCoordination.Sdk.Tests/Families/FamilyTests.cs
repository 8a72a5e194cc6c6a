using System;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Families;

public sealed class FamilyTests
{
    [Fact]
    public void A_family_has_at_least_one_youth()
    {
        var error = Assert.Throws<ArgumentException>(() => Family.Create(new FamilyId(1), [], [TestBsns.First]));

        Assert.StartsWith("A family has at least one youth.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_youth_listed_twice_is_refused_with_a_masked_number()
    {
        var error = Assert.Throws<ArgumentException>(() => Family.Create(new FamilyId(1), [TestBsns.First, TestBsns.First], []));

        Assert.Contains("*****2333", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_teenage_parent_can_be_a_youth_of_one_family_and_a_carer_of_another()
    {
        var parent = TestBsns.First;
        var baby = TestBsns.Second;

        var ownFamily = Family.Create(new FamilyId(1), [parent], []);
        var babysFamily = Family.Create(new FamilyId(2), [baby], [parent]);

        Assert.True(ownFamily.HasYouth(parent));
        Assert.Contains(parent, babysFamily.Carers);
        Assert.Equal("family-2 (1 youths, 1 carers)", babysFamily.ToString());
    }

    [Fact]
    public void The_default_identifier_and_default_numbers_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Family.Create(default, [TestBsns.First], []));
        Assert.Throws<ArgumentException>(() => Family.Create(new FamilyId(1), [default(Bsn)], []));
    }
}
