using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

/// <summary>
/// The case's and the plan's changes through the door, on a store that commits change sets: each is decided by R3, R12
/// or R13, every youth of the case gets one audit record in the change's own commit, and a refused actor changes nothing
/// and leaves the refusal for every youth.
/// </summary>
public sealed class CaseWorkDoorTests
{
    private static readonly Bsn[] People = TestBsns.Generate(3, seed: 171);
    private static readonly Youth Sam = new(People[0], new LocalDate(2016, 3, 1));
    private static readonly Youth Sara = new(People[1], new LocalDate(2013, 6, 1));
    private static readonly Actor Feed = new("brp-feed", ActorRole.PopulationRegisterFeed, TestRegion.YouthAndFamilyCentre, null, "BRP-koppeling");
    private static readonly CaseAssessment Debts = new(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false);

    // The social worker the pool's coordinator 1 is; youth health care signalled too, so it is involved but coordinates nothing.
    private static readonly Actor TheCoordinator = new("coordinator", ActorRole.Coordinator, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), "Vendor client 4.2");
    private static readonly Actor Involved = PrivacyScenario.ReporterOf(TestRegion.YouthHealthCare);
    private static readonly Actor InvolvedCoordinator = new("yhc-coordinator", ActorRole.Coordinator, TestRegion.YouthHealthCare, TestRegion.ReporterOf(TestRegion.YouthHealthCare), "Vendor client 4.2");

    public static TheoryData<string> CoordinatorsChanges => new(CoordinatorsChange.Keys);

    private static Dictionary<string, Action<DoorOnOneStore, Actor, CaseId>> CoordinatorsChange { get; } = new(StringComparer.Ordinal)
    {
        ["an assessment"] = (door, actor, id) => door.Access.AssessCase(actor, id, Debts),
        ["a handover to youth protection"] = (door, actor, id) => door.Access.HandOverToYouthProtection(actor, id, new Handover(TestRegion.YouthProtection, YouthProtectionMeasure.SupervisionOrder, "weekly contact", [TestRegion.YouthHealthCare], Duration.FromDays(30))),
        ["coordination hours"] = (door, actor, id) => door.Access.RecordCoordinationHours(actor, id, 2m),
        ["closing the case"] = (door, actor, id) => door.Access.CloseCase(actor, id, CaseOutcome.GoalsReached),
        ["drafting the plan"] = (door, actor, id) => door.Access.DraftPlan(actor, id),
    };

    [Fact]
    public void Every_youth_of_the_case_gets_one_record_of_a_change_in_the_changes_own_commit()
    {
        var (door, id) = Opened();
        var written = door.Store.Written;

        var decision = door.Access.AssessCase(Involved, id, Debts);

        Assert.Equal(written + 1, door.Store.Written);
        foreach (var youth in new[] { Sam.Bsn, Sara.Bsn })
        {
            var record = Assert.Single(door.Audit.About(youth), r => r.Action == AuditAction.Update && r.Data == DataCategory.Case);
            Assert.Equal((DataCategory.Case, $"{id} assessed: tier {decision.Tier}", AccessBasis.CaseAssignment), (record.Data, record.Detail, record.Basis));
        }
    }

    [Fact]
    public void A_change_whose_commit_fails_leaves_neither_the_change_nor_its_audit_records()
    {
        var (door, id) = Opened();
        var version = door.Desk.GetCase(id).Version;
        var records = door.Audit.Count;
        door.Store.Hold(fail: true).Set();

        Assert.ThrowsAny<IOException>(() => door.Access.AssessCase(Involved, id, Debts));

        Assert.Equal(version, door.Desk.GetCase(id).Version);
        Assert.Equal(records, door.Audit.Count);
    }

    [Theory]
    [MemberData(nameof(CoordinatorsChanges))]
    public void Once_a_coordinator_is_assigned_another_involved_organisation_is_refused_the_change_the_refusal_is_audited_and_nothing_changed(string change)
    {
        var (door, id) = Coordinated();
        var version = door.Desk.GetCase(id).Version;

        var asColleague = Assert.Throws<AccessDeniedException>(() => CoordinatorsChange[change](door, InvolvedCoordinator, id));
        var asReporter = Assert.Throws<AccessDeniedException>(() => CoordinatorsChange[change](door, Involved, id));

        Assert.Equal(("R3 case and plan", "no rule"), (asColleague.RuleTitle, asReporter.RuleTitle));
        Assert.Equal(version, door.Desk.GetCase(id).Version);
        Assert.Null(door.Access.GetPlan(TheCoordinator, id));
        foreach (var youth in new[] { Sam.Bsn, Sara.Bsn })
        {
            Assert.Equal([ActorRole.Coordinator, ActorRole.Reporter], door.Audit.About(youth).Where(r => r.Action == AuditAction.Refused).Select(r => r.Role));
        }
    }

    [Theory]
    [MemberData(nameof(CoordinatorsChanges))]
    public void The_coordinator_makes_the_change_and_every_youth_gets_its_record(string change)
    {
        var (door, id) = Coordinated();
        var version = door.Desk.GetCase(id).Version;

        CoordinatorsChange[change](door, TheCoordinator, id);

        Assert.True(door.Desk.GetCase(id).Version > version || door.Access.GetPlan(TheCoordinator, id) is not null);
        Assert.All(new[] { Sam.Bsn, Sara.Bsn }, youth => Assert.Contains(door.Audit.About(youth), r => r.Role == ActorRole.Coordinator && r.Action is AuditAction.Update or AuditAction.Create && r.Basis == AccessBasis.CaseAssignment));
    }

    [Fact]
    public async Task Only_the_coordination_director_assigns_a_coordinator_and_the_assignment_is_audited_for_every_youth()
    {
        var (door, id) = Opened();
        door.Access.AssessCase(Involved, id, Debts);

        Assert.Throws<AccessDeniedException>(() => door.Access.AssignCoordinator(TheCoordinator, id));
        Assert.Equal(CaseStatus.AwaitingCoordinator, door.Desk.GetCase(id).Status);
        var decision = await door.Access.AssignCoordinatorAsync(PrivacyScenario.Director, id);

        Assert.True(decision.IsAssigned);
        Assert.All(new[] { Sam.Bsn, Sara.Bsn }, youth => Assert.Contains(door.Audit.About(youth), r => r.Role == ActorRole.CoordinationDirector && r.Detail == $"coordinator of {id} assigned: {decision.Coordinator} coordinates"));
    }

    [Fact]
    public void A_coordinator_releases_only_themselves_and_the_director_reassigns()
    {
        var (door, id) = Coordinated();
        var other = new Actor("other-coordinator", ActorRole.Coordinator, TestRegion.YouthHealthCare, TestRegion.ReporterOf(TestRegion.YouthHealthCare), "Vendor client 4.2");

        Assert.Equal("R13 coordinator assignment", Assert.Throws<AccessDeniedException>(() => door.Access.ReleaseCoordinator(other, id, "not mine")).RuleTitle);
        Assert.Throws<AccessDeniedException>(() => door.Access.ReassignCoordinator(TheCoordinator, id, "ill"));
        Assert.Equal(CaseStatus.Coordinated, door.Desk.GetCase(id).Status);

        var released = door.Access.ReleaseCoordinator(TheCoordinator, id, "leaving the organisation");

        Assert.Null(released.Coordinator);
    }

    [Fact]
    public void A_case_holder_comes_from_an_organisation_involved_in_the_case_and_is_the_professional_who_acts()
    {
        var (door, id) = Opened();
        var stranger = PrivacyScenario.ReporterOf(TestRegion.YouthProtection);

        Assert.Equal("R12 involved organisation", Assert.Throws<AccessDeniedException>(() => door.Access.NameCaseHolder(stranger, id)).RuleTitle);
        Assert.Throws<ArgumentException>(() => door.Access.NameCaseHolder(new Actor("team-account", ActorRole.Reporter, TestRegion.YouthHealthCare, null, "Vendor client 4.2"), id));
        Assert.Null(door.Desk.GetCase(id).CaseHolder);
        var named = door.Access.NameCaseHolder(Involved, id);

        Assert.Equal((Involved.Professional, Involved.Organisation), (named.CaseHolder, named.CaseHolderOrganisation));
        Assert.Single(door.Audit.About(Sara.Bsn), r => r.Action == AuditAction.Update && r.Detail == $"case holder named on {id}");
    }

    [Fact]
    public async Task A_plan_change_is_made_in_the_actors_name_and_its_record_names_the_events_it_added()
    {
        var (door, id) = Coordinated();
        var plan = await door.Access.DraftPlanAsync(TheCoordinator, id);

        plan = await door.Access.ChangePlanAsync(TheCoordinator, id, plan.Version, (p, by, at) => p.SetGoal("The parents have an overview of their debts", by, at));

        var goal = Assert.IsType<GoalSet>(plan.History[^1]);
        Assert.Equal(TheCoordinator.Professional, goal.By);
        Assert.All(new[] { Sam.Bsn, Sara.Bsn }, youth => Assert.Contains(door.Audit.About(youth), r => r.Data == DataCategory.Plan && r.Detail == $"plan of {id} changed: GoalSet"));
    }

    [Fact]
    public void Youth_protection_reports_back_to_the_organisation_that_records_it_in_its_own_name()
    {
        var (door, id) = Coordinated();
        door.Access.HandOverToYouthProtection(TheCoordinator, id, new Handover(TestRegion.YouthProtection, YouthProtectionMeasure.SupervisionOrder, "weekly contact", [TestRegion.YouthHealthCare], Duration.FromDays(30)));

        Assert.Throws<AccessDeniedException>(() => door.Access.RecordFeedback(PrivacyScenario.ReporterOf(TestRegion.School), id));
        var reported = door.Access.RecordFeedback(Involved, id);

        Assert.IsType<FeedbackRecorded>(reported.History[^1]);
        Assert.Equal(TestRegion.YouthHealthCare, ((FeedbackRecorded)reported.History[^1]).Informed);
    }

    // Sam and Sara's family: youth health care signals on Sam, social work on Sara, and the family match opens one case for both.
    private static (DoorOnOneStore Door, CaseId Case) Opened()
    {
        var door = new DoorOnOneStore();
        door.Access.AddOrReplaceFamily(Feed, Family.Create(new FamilyId(1), [Sam.Bsn, Sara.Bsn], [People[2]]));
        door.Desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), TestRegion.ReporterOf(TestRegion.SocialWork), TestRegion.SocialWork, TrainingLevel.Specialist, weeklyHours: 8));
        door.Index.Register(IndexScenario.By(TestRegion.YouthHealthCare, Sam)).ThrowIfRefused();
        door.Index.Register(IndexScenario.By(TestRegion.SocialWork, Sara)).ThrowIfRefused();
        var id = door.Desk.WhichCaseHandles(new FamilyId(1))!.Case;
        Assert.Equal([Sam.Bsn, Sara.Bsn], door.Desk.GetCase(id).Youths.Order());
        return (door, id);
    }

    private static (DoorOnOneStore Door, CaseId Case) Coordinated()
    {
        var (door, id) = Opened();
        door.Access.AssessCase(Involved, id, Debts);
        Assert.Equal(TheCoordinator.Professional, door.Desk.ProfessionalOf(door.Access.AssignCoordinator(PrivacyScenario.Director, id).ThrowIfRefused().Coordinator!.Value));
        return (door, id);
    }
}
