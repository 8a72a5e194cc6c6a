using System;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Index;

public sealed class ReferenceIndexIdentificationTests
{
    private static readonly LocalDate Born = Today.PlusYears(-2);
    private static readonly SubstituteNumber Substitute = SubstituteNumber.Derive("Yilmaz", Born, Sex.Female);
    private static readonly Youth Unnamed = Youth.WithoutBsn(Substitute, Born);
    private static readonly Bsn Later = TestBsns.First;

    [Fact]
    public void A_youth_without_a_BSN_is_signalled_and_matched_by_its_substitute_number()
    {
        var scenario = new IndexScenario();

        scenario.Register(TestRegion.YouthHealthCare, Unnamed);
        var second = scenario.Register(TestRegion.SocialWork, Unnamed);

        var match = Assert.Single(second.Matches);
        Assert.Equal(MatchKind.SameYouth, match.Kind);
        Assert.True(match.Youth.IsSubstituteNumber);
        Assert.Equal(2, scenario.Index.GetActiveSignals(Unnamed.Bsn).Count);
    }

    [Fact]
    public void A_pseudonymised_index_keeps_a_substitute_number_apart_from_every_BSN()
    {
        var scenario = new IndexScenario(pseudonymiser: SharedPseudonymiser);

        scenario.Register(TestRegion.YouthHealthCare, Unnamed);

        Assert.Equal(Unnamed.Bsn, Assert.Single(scenario.Index.GetActiveSignals(Unnamed.Bsn)).Youth);
        Assert.Empty(scenario.Index.GetActiveSignals(Later));
    }

    [Fact]
    public void Assigning_the_BSN_moves_the_signals_and_keeps_their_match()
    {
        var scenario = new IndexScenario();
        scenario.Register(TestRegion.YouthHealthCare, Unnamed);
        scenario.Register(TestRegion.SocialWork, Unnamed);

        var made = scenario.Index.AssignBsn(Substitute, Later);

        Assert.Empty(made);
        Assert.Empty(scenario.Index.GetActiveSignals(Unnamed.Bsn));
        Assert.Equal(2, scenario.Index.GetActiveSignals(Later).Count);
        Assert.All(scenario.Index.GetMatches(Later), m => Assert.Equal(Later, m.Youth));
        Assert.Equal(2, scenario.Index.GetMatches(Later).Count);
    }

    [Fact]
    public void Assigning_the_BSN_matches_the_moved_signals_with_other_organisations_signals_already_on_the_BSN()
    {
        var scenario = new IndexScenario();
        var known = new Youth(Later, Born);
        scenario.Register(TestRegion.YouthProtection, known);
        scenario.Register(TestRegion.YouthHealthCare, Unnamed);

        var made = scenario.Index.AssignBsn(Substitute, Later);

        var match = Assert.Single(made);
        Assert.Equal(TestRegion.YouthHealthCare, match.Organisation);
        Assert.Equal(TestRegion.YouthProtection, match.OtherOrganisation);
        Assert.Equal(Later, match.OtherYouth);
        Assert.Contains(scenario.EventsOf<MatchFound>(), e => e.Match.IsSamePairAs(match));
    }

    [Fact]
    public void One_organisation_with_a_signal_under_both_numbers_keeps_the_later_one()
    {
        var scenario = new IndexScenario();
        scenario.Register(TestRegion.YouthHealthCare, new Youth(Later, Born));
        scenario.AdvanceDays(10);
        var newer = scenario.Register(TestRegion.YouthHealthCare, Unnamed).Signal;

        scenario.Index.AssignBsn(Substitute, Later);

        var kept = Assert.Single(scenario.Index.GetActiveSignals(Later));
        Assert.Equal(newer.Id, kept.Id);
        var removed = Assert.Single(scenario.EventsOf<SignalRemoved>());
        Assert.Equal(SignalEndReason.MergedOnIdentification, removed.Reason);
        Assert.False(removed.WasArchived);
        Assert.Empty(scenario.Index.GetArchivedSignals(Later));
    }

    [Fact]
    public void Archived_signals_and_family_places_move_to_the_BSN_too()
    {
        var scenario = new IndexScenario();
        var sibling = new Youth(TestBsns.Second, Born.PlusYears(-3));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(7), [Unnamed.Bsn, sibling.Bsn], []));
        scenario.Register(TestRegion.School, Unnamed);
        scenario.Index.Withdraw(Unnamed.Bsn, TestRegion.School, WithdrawalReason.RiskGone);

        scenario.Index.AssignBsn(Substitute, Later);

        Assert.Single(scenario.Index.GetArchivedSignals(Later));
        Assert.Empty(scenario.Index.GetArchivedSignals(Unnamed.Bsn));
        Assert.True(Assert.Single(scenario.Index.GetFamiliesOf(Later)).HasYouth(Later));
        scenario.Register(TestRegion.SocialWork, new Youth(Later, Born));
        Assert.Equal(MatchKind.Family, Assert.Single(scenario.Register(TestRegion.YouthHealthCare, sibling).Matches).Kind);
    }

    [Fact]
    public void A_substitute_number_cannot_be_assigned_as_the_BSN()
    {
        var scenario = new IndexScenario();

        Assert.Throws<ArgumentException>(() => scenario.Index.AssignBsn(Substitute, SubstituteNumber.Derive("Other", Born, Sex.Male).AsIndexKey()));
        Assert.Throws<ArgumentException>(() => scenario.Index.AssignBsn(default, Later));
    }

    /// <summary>Organisations on the substitute number and on the BSN are drawn as bit masks over four organisations.</summary>
    [Property(MaxTest = 200)]
    public void Moving_to_the_BSN_never_loses_a_match_and_leaves_one_signal_per_organisation(byte onSubstitute, byte onBsn)
    {
        var scenario = new IndexScenario();
        var organisations = IndexModel.Organisations;
        for (var i = 0; i < organisations.Length; i++)
        {
            if ((onBsn & (1 << i)) != 0)
            {
                scenario.Register(organisations[i], new Youth(Later, Born));
            }
        }

        scenario.AdvanceDays(1);
        for (var i = 0; i < organisations.Length; i++)
        {
            if ((onSubstitute & (1 << i)) != 0)
            {
                scenario.Register(organisations[i], Unnamed);
            }
        }

        var before = scenario.Index.GetMatches(Unnamed.Bsn).Select(m => (m.Signal, m.OtherSignal)).ToList();
        scenario.Index.AssignBsn(Substitute, Later);

        var union = Enumerable.Range(0, organisations.Length).Count(i => ((onBsn | onSubstitute) & (1 << i)) != 0);
        var after = scenario.Index.GetMatches(Later).Select(m => (m.Signal, m.OtherSignal)).ToList();
        PropertyCheck.That(scenario.Index.GetActiveSignals(Later).Count == union, "an organisation lost or doubled its signal");
        PropertyCheck.That(scenario.Index.GetActiveSignals(Unnamed.Bsn).Count == 0, "a signal stayed on the substitute number");
        PropertyCheck.That(after.Count == union * (union - 1), "the matches are not every pair of organisations");
        PropertyCheck.That(before.All(after.Contains), "a match made under the substitute number was lost");
    }
}
