using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Coordination.Desk;

public sealed class CoordinationDeskIntakeTests
{
    [Theory]
    [InlineData(IntakeRoute.YouthAndFamilyCentre)]
    [InlineData(IntakeRoute.ReferenceIndex)]
    [InlineData(IntakeRoute.CareNetwork)]
    [InlineData(IntakeRoute.JusticeNetwork)]
    [InlineData(IntakeRoute.FamilySelfReferral)]
    public void Every_intake_route_opens_a_case_for_a_family_without_one(IntakeRoute route)
    {
        var scenario = new DeskScenario();
        var family = scenario.NewFamily();

        var result = scenario.Desk.Intake(CaseIntake.ForFamily(route, family, DeskScenario.School, meeting: "ZAT De Regenboog"));

        Assert.True(result.Opened);
        Assert.Equal("ZAT De Regenboog", result.Meeting);
        Assert.Equal([route], result.Routes);
        var opened = scenario.Desk.GetCase(result.Case);
        Assert.Equal(family.Id, opened.Family);
        Assert.Equal(family.Youths, opened.Youths);
        Assert.Equal(CaseStatus.AwaitingCaseHolder, opened.Status);
        Assert.Contains(DeskScenario.School, opened.InvolvedOrganisations);
    }

    [Fact]
    public void A_second_and_third_route_join_the_open_case_and_learn_which_meeting_handles_it()
    {
        var scenario = new DeskScenario();
        var family = scenario.NewFamily();
        var first = scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.CareNetwork, family, DeskScenario.School, "ZAT De Regenboog"));

        var second = scenario.Desk.Intake(CaseIntake.ForYouths(IntakeRoute.JusticeNetwork, [family.Youths[1]], DeskScenario.SocialWork, "Veiligheidshuis"));
        var third = scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.FamilySelfReferral, family));

        Assert.False(second.Opened);
        Assert.False(third.Opened);
        Assert.Equal(first.Case, second.Case);
        Assert.Equal(first.Case, third.Case);
        Assert.Equal("ZAT De Regenboog", third.Meeting);
        Assert.Equal([IntakeRoute.CareNetwork, IntakeRoute.JusticeNetwork, IntakeRoute.FamilySelfReferral], third.Routes);
        Assert.Equal([DeskScenario.SocialWork, DeskScenario.School], scenario.Desk.GetCase(first.Case).InvolvedOrganisations.Order());
        Assert.Equal(first.Case, scenario.Desk.FindOpenCase(family.Id)!.Id);
        Assert.Equal(first.Case, scenario.Desk.FindOpenCase(family.Youths[0])!.Id);
    }

    [Fact]
    public void A_route_that_brings_nothing_new_joins_without_adding_to_the_history()
    {
        var scenario = new DeskScenario();
        var family = scenario.NewFamily();
        var id = scenario.Open(family, IntakeRoute.CareNetwork, DeskScenario.School);
        var version = scenario.Desk.GetCase(id).Version;

        scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.CareNetwork, family, DeskScenario.School));

        Assert.Equal(version, scenario.Desk.GetCase(id).Version);
    }

    [Fact]
    public void An_intake_about_a_youth_finds_the_family_the_desk_knows()
    {
        var scenario = new DeskScenario();
        var family = scenario.NewFamily(youths: 3);

        var result = scenario.Desk.Intake(CaseIntake.ForYouths(IntakeRoute.YouthAndFamilyCentre, [family.Youths[2]]));

        var opened = scenario.Desk.GetCase(result.Case);
        Assert.Equal(family.Id, opened.Family);
        Assert.Equal(family.Youths.Order(), opened.Youths.Order());
    }

    [Fact]
    public void After_a_case_closes_a_new_concern_about_the_family_opens_a_new_case()
    {
        var scenario = new DeskScenario();
        var family = scenario.NewFamily();
        var first = scenario.Open(family);
        scenario.Desk.Close(first, CaseOutcome.FamilyManagesIndependently);

        var second = scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.YouthAndFamilyCentre, family));

        Assert.True(second.Opened);
        Assert.NotEqual(first, second.Case);
        Assert.False(scenario.Desk.GetCase(first).IsOpen);
    }

    [Fact]
    public void A_match_in_the_reference_index_opens_the_familys_case_through_the_index_route()
    {
        var scenario = new DeskScenario();
        var index = new IndexScenario(observers: [new ReferenceIndexIntake(scenario.Desk)]);
        var youth = TestBsns.First;
        index.Index.Register(IndexScenario.By(TestRegion.YouthHealthCare, IndexScenario.YouthAged(youth, 9))).ThrowIfRefused();
        index.Clock.Advance(Duration.FromHours(2));
        scenario.Clock.Advance(Duration.FromHours(2));

        index.Index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(youth, 9))).ThrowIfRefused();

        var opened = scenario.Desk.FindOpenCase(youth);
        Assert.NotNull(opened);
        Assert.Equal([IntakeRoute.ReferenceIndex], opened.Routes);
        Assert.Equal([TestRegion.YouthHealthCare, TestRegion.SocialWork], opened.InvolvedOrganisations.Order());
        Assert.IsType<CaseOpened>(Assert.Single(opened.History));
    }
}
