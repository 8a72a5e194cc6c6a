using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using CareCoordination.Sdk.Tests.Storage;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

/// <summary>
/// The door for the population register feed (R10) and for intake (R9), on a store that commits change sets: the feed
/// records families and deaths, every person touched gets one audit record in the change's own commit, and any other
/// role is refused, with the refusal in the audit trail and nothing changed.
/// </summary>
public sealed class PopulationRegisterDoorTests
{
    private static readonly Bsn[] People = TestBsns.Generate(4, seed: 141);
    private static readonly Youth Sam = new(People[0], new LocalDate(2016, 3, 1));
    private static readonly Youth Sara = new(People[1], new LocalDate(2013, 6, 1));
    private static readonly Bsn Mother = People[2];
    private static readonly Family Household = Family.Create(new FamilyId(1), [Sam.Bsn, Sara.Bsn], [Mother]);
    private static readonly Actor Feed = new("brp-feed", ActorRole.PopulationRegisterFeed, TestRegion.YouthAndFamilyCentre, null, "BRP-koppeling");

    public static TheoryData<ActorRole> OtherRoles => new(Enum.GetValues<ActorRole>().Where(r => r != ActorRole.PopulationRegisterFeed));

    [Fact]
    public void The_feed_changes_a_family_and_every_member_gets_one_audit_record_in_the_same_commit()
    {
        var door = new DoorOnOneStore();
        var written = door.Store.Written;

        door.Access.AddOrReplaceFamily(Feed, Household);

        Assert.Equal(written + 1, door.Store.Written);
        Assert.Equal(3, door.Store.Inner.Audit.Records.Count);
        foreach (var member in Household.Youths.Concat(Household.Carers))
        {
            var record = Assert.Single(door.Audit.About(member));
            Assert.Equal((ActorRole.PopulationRegisterFeed, AuditAction.Update, DataCategory.Signals), (record.Role, record.Action, record.Data));
        }

        Assert.Equal(Household.Id, Assert.Single(door.Index.GetFamiliesOf(Sam.Bsn)).Id);
    }

    [Fact]
    public void A_family_change_whose_commit_fails_leaves_neither_the_family_nor_its_audit_records()
    {
        var door = new DoorOnOneStore();
        door.Store.Hold(fail: true).Set();

        Assert.ThrowsAny<IOException>(() => door.Access.AddOrReplaceFamily(Feed, Household));

        Assert.Empty(door.Index.GetFamiliesOf(Sam.Bsn));
        Assert.Equal(0, door.Audit.Count);
        Assert.Empty(door.Store.Inner.Audit.Records);
    }

    [Fact]
    public async Task The_feed_replaces_a_family_asynchronously_and_the_member_who_left_is_audited_too()
    {
        var door = new DoorOnOneStore();
        await door.Access.AddOrReplaceFamilyAsync(Feed, Household);

        await door.Access.AddOrReplaceFamilyAsync(Feed, Family.Create(Household.Id, [Sam.Bsn], [Mother]));

        Assert.Equal(2, door.Audit.About(Sara.Bsn).Count);
        Assert.Empty(door.Index.GetFamiliesOf(Sara.Bsn));
        Assert.Equal(2, door.Audit.About(Sam.Bsn).Count);
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public void Another_role_is_refused_a_family_change_the_refusal_is_audited_and_nothing_changed(ActorRole role)
    {
        var door = new DoorOnOneStore();

        Assert.Throws<AccessDeniedException>(() => door.Access.AddOrReplaceFamily(PrivacyScenario.InRole(role), Household));

        Assert.Empty(door.Index.GetFamiliesOf(Sam.Bsn));
        foreach (var member in Household.Youths.Concat(Household.Carers))
        {
            var refusal = Assert.Single(door.Audit.About(member));
            Assert.Equal((role, AuditAction.Refused), (refusal.Role, refusal.Action));
        }
    }

    [Fact]
    public void Recording_a_death_by_the_feed_removes_the_youths_signals_and_audits_it()
    {
        var door = new DoorOnOneStore();
        door.Access.AddOrReplaceFamily(Feed, Household);
        door.Index.Register(IndexScenario.By(TestRegion.YouthHealthCare, Sam)).ThrowIfRefused();
        door.Index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();
        var written = door.Store.Written;

        Assert.Equal(2, door.Access.RecordDeath(Feed, Sam.Bsn));

        Assert.Equal(written + 1, door.Store.Written);
        Assert.Empty(door.Index.GetActiveSignals(Sam.Bsn));
        Assert.Empty(door.Index.GetFamiliesOf(Sam.Bsn));
        var death = door.Audit.About(Sam.Bsn)[^1];
        Assert.Equal((ActorRole.PopulationRegisterFeed, AuditAction.Delete, DataCategory.Signals), (death.Role, death.Action, death.Data));
        Assert.Contains("death", death.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_death_recorded_by_a_reporter_is_refused_audited_and_removes_nothing()
    {
        var door = new DoorOnOneStore();
        door.Index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();

        await Assert.ThrowsAsync<AccessDeniedException>(() => door.Access.RecordDeathAsync(PrivacyScenario.ReporterOf(TestRegion.SocialWork), Sam.Bsn));

        Assert.Single(door.Index.GetActiveSignals(Sam.Bsn));
        Assert.Equal(AuditAction.Refused, Assert.Single(door.Audit.About(Sam.Bsn)).Action);
    }

    [Fact]
    public async Task Removing_a_family_by_the_feed_audits_every_member_it_had_another_role_is_refused_and_an_unknown_family_leaves_no_record()
    {
        var door = new DoorOnOneStore();
        door.Access.AddOrReplaceFamily(Feed, Household);

        Assert.Throws<AccessDeniedException>(() => door.Access.RemoveFamily(PrivacyScenario.Coordinator, Household.Id));
        Assert.Single(door.Index.GetFamiliesOf(Sam.Bsn));
        Assert.True(await door.Access.RemoveFamilyAsync(Feed, Household.Id));

        Assert.Empty(door.Index.GetFamiliesOf(Sam.Bsn));
        foreach (var member in Household.Youths.Concat(Household.Carers))
        {
            Assert.Equal(AuditAction.Delete, door.Audit.About(member)[^1].Action);
        }

        var records = door.Audit.Count;
        Assert.False(door.Access.RemoveFamily(Feed, Household.Id));
        Assert.Equal(records, door.Audit.Count);
    }

    [Fact]
    public void An_intake_in_the_professionals_own_organisations_name_opens_the_familys_case_and_audits_each_youth_in_its_commit()
    {
        var door = new DoorOnOneStore();
        door.Access.AddOrReplaceFamily(Feed, Household);
        var written = door.Store.Written;

        var result = door.Access.TakeIn(PrivacyScenario.ReporterOf(TestRegion.SocialWork), CaseIntake.ForYouths(IntakeRoute.CareNetwork, [Sara.Bsn], TestRegion.SocialWork));

        Assert.True(result.Opened);
        Assert.Equal(written + 1, door.Store.Written);
        Assert.Equal(result.Case, door.Desk.WhichCaseHandles(Household.Id)!.Case);
        var record = door.Audit.About(Sara.Bsn)[^1];
        Assert.Equal((AuditAction.Create, DataCategory.Case), (record.Action, record.Data));
        Assert.Contains(result.Case.ToString(), record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intake_in_another_organisations_name_is_refused_audited_and_opens_nothing()
    {
        var door = new DoorOnOneStore();

        await Assert.ThrowsAsync<AccessDeniedException>(() => door.Access.TakeInAsync(PrivacyScenario.ReporterOf(TestRegion.SocialWork), CaseIntake.ForYouths(IntakeRoute.CareNetwork, [Sara.Bsn], TestRegion.School)));
        Assert.Throws<AccessDeniedException>(() => door.Access.TakeIn(PrivacyScenario.Auditor, CaseIntake.ForYouths(IntakeRoute.CareNetwork, [Sara.Bsn], TestRegion.YouthAndFamilyCentre)));

        Assert.Null(door.Desk.FindOpenCase(Sara.Bsn));
        Assert.All(door.Audit.About(Sara.Bsn), r => Assert.Equal(AuditAction.Refused, r.Action));
        Assert.Equal(2, door.Audit.About(Sara.Bsn).Count);
    }
}
