using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Notifications.Notices;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Notifications;

public sealed class MoveNoticesTests
{
    private static readonly Bsn[] People = TestBsns.Generate(4, seed: 131);
    private static readonly AddressKey Utrecht = AddressKey.Create("3511AB", 8);
    private static readonly AddressKey UtrechtAgain = AddressKey.Create("3512CD", 1);
    private static readonly AddressKey Amsterdam = AddressKey.Create("1011AA", 3, "b");
    private static readonly MunicipalityCode UtrechtCode = MunicipalityCode.Parse("0344");
    private static readonly MunicipalityCode AmsterdamCode = MunicipalityCode.Parse("0363");

    [Fact]
    public void A_youth_who_moves_to_another_municipality_is_announced_to_every_reporter_and_to_that_municipality_s_match_coordinator()
    {
        var (scenario, notices) = Scenario(new Dictionary<MunicipalityCode, OrganisationId> { [AmsterdamCode] = TestRegion.YouthAndFamilyCentre });
        var (youth, sister) = (People[0], People[1]);
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [youth, sister], [People[2]], Utrecht, UtrechtCode));
        var school = scenario.Register(TestRegion.School, YouthAged(youth, 12)).Signal;
        var care = scenario.Register(TestRegion.YouthHealthCare, YouthAged(youth, 12)).Signal;

        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [youth, sister], [People[2]], Amsterdam, AmsterdamCode));

        var moved = Assert.Single(scenario.EventsOf<YouthMoved>());
        Assert.Equal((youth, UtrechtCode, AmsterdamCode, true), (moved.Youth, moved.FromMunicipality!.Value, moved.ToMunicipality!.Value, moved.ToAnotherMunicipality));
        Assert.Equal([care.Id, school.Id], moved.ActiveSignals.Select(s => s.Id));
        var toSchool = Assert.Single(notices.Read(TestRegion.School));
        Assert.Equal((MoveNoticeRecipient.Reporter, TestRegion.ReporterOf(TestRegion.School), school.Id), (toSchool.Recipient, toSchool.RecipientProfessional!.Value, Assert.Single(toSchool.Signals).Signal));
        Assert.Equal(care.Id, Assert.Single(Assert.Single(notices.Read(TestRegion.YouthHealthCare)).Signals).Signal);
        var toCoordinator = Assert.Single(notices.Read(TestRegion.YouthAndFamilyCentre));
        Assert.Equal((MoveNoticeRecipient.MunicipalMatchCoordinator, (ProfessionalId?)null, AmsterdamCode), (toCoordinator.Recipient, toCoordinator.RecipientProfessional, toCoordinator.ToMunicipality!.Value));
        Assert.Equal(
            [(care.Id, TestRegion.YouthHealthCare), (school.Id, TestRegion.School)],
            toCoordinator.Signals.Select(s => (s.Signal, s.Party.Organisation)));
    }

    [Fact]
    public void A_move_within_the_municipality_is_told_to_the_reporters_only()
    {
        var (scenario, notices) = Scenario(new Dictionary<MunicipalityCode, OrganisationId> { [UtrechtCode] = TestRegion.YouthAndFamilyCentre });
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Utrecht, UtrechtCode));
        scenario.Register(TestRegion.School, YouthAged(People[0], 9));

        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], UtrechtAgain, UtrechtCode));

        Assert.False(Assert.Single(scenario.EventsOf<YouthMoved>()).ToAnotherMunicipality);
        Assert.Single(notices.Read(TestRegion.School));
        Assert.Empty(notices.Read(TestRegion.YouthAndFamilyCentre));
    }

    [Fact]
    public void A_municipality_whose_match_coordinator_the_region_did_not_name_gets_its_notice_for_the_host_to_forward()
    {
        var (scenario, notices) = Scenario(new Dictionary<MunicipalityCode, OrganisationId>());
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Utrecht, UtrechtCode));
        scenario.Register(TestRegion.School, YouthAged(People[0], 9));

        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Amsterdam, AmsterdamCode));

        var notice = Assert.Single(notices.ReadForMunicipality(AmsterdamCode));
        Assert.Null(notice.RecipientOrganisation);
        Assert.Equal(TestRegion.School, Assert.Single(notice.Signals).Party.Organisation);
    }

    [Fact]
    public void Nobody_is_told_when_no_active_signal_is_left_a_family_gets_its_first_address_or_only_its_municipality_code_changes()
    {
        var (scenario, notices) = Scenario(new Dictionary<MunicipalityCode, OrganisationId> { [AmsterdamCode] = TestRegion.YouthAndFamilyCentre });
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], []));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [People[1]], [], Utrecht, UtrechtCode));
        scenario.Register(TestRegion.School, YouthAged(People[0], 9));
        scenario.Register(TestRegion.School, YouthAged(People[1], 9));
        scenario.Index.Withdraw(People[1], TestRegion.School, WithdrawalReason.RiskGone);

        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Amsterdam, AmsterdamCode));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Amsterdam, MunicipalityCode.FromNumber(1)));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [People[1]], [], Amsterdam, AmsterdamCode));

        Assert.Empty(scenario.EventsOf<YouthMoved>());
        Assert.Empty(notices.Read(TestRegion.School));
        Assert.Empty(notices.Read(TestRegion.YouthAndFamilyCentre));
    }

    [Fact]
    public void A_signal_past_its_end_date_is_not_active_at_a_move_even_before_the_daily_job_ran()
    {
        var (scenario, notices) = Scenario(new Dictionary<MunicipalityCode, OrganisationId>());
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Utrecht, UtrechtCode));
        scenario.Register(TestRegion.School, YouthAged(People[0], 9));
        scenario.AdvanceDays((2 * 366) + 1);

        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Amsterdam, AmsterdamCode));

        Assert.Empty(scenario.EventsOf<YouthMoved>());
        Assert.Empty(notices.Read(TestRegion.School));
    }

    [Fact]
    public void A_move_whose_commit_fails_tells_nobody_and_leaves_the_family_where_it_lived()
    {
        var store = new InMemoryCareCoordinationStore();
        var clock = new NodaTime.Testing.FakeClock(Start);
        var directory = TestRegion.CreateDirectory();
        var notices = new MoveNotices(directory, new Dictionary<MunicipalityCode, OrganisationId> { [AmsterdamCode] = TestRegion.YouthAndFamilyCentre }, store);
        var listener = new RecordingObserver();
        var index = new ReferenceIndex(RegionPolicy.Default, directory, clock, store, [notices, listener]);
        index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Utrecht, UtrechtCode));
        index.Register(By(TestRegion.School, YouthAged(People[0], 9))).ThrowIfRefused();

        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Throws<InvalidOperationException>(() => index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Amsterdam, AmsterdamCode)));

        Assert.Empty(listener.Of<YouthMoved>());
        Assert.Empty(notices.Read(TestRegion.School));
        Assert.Empty(notices.Read(TestRegion.YouthAndFamilyCentre));
        Assert.Equal(UtrechtCode, Assert.Single(index.GetFamiliesOf(People[0])).Municipality);
        Assert.Empty(store.ReadStreams("move-notice"));
    }

    [Property(MaxTest = 100)]
    public void Every_move_tells_exactly_the_reporters_active_that_day_and_the_new_municipality_only_when_it_changed(byte[] steps)
    {
        var unnamed = MunicipalityCode.FromNumber(599);
        (AddressKey Address, MunicipalityCode Municipality)[] homes = [(Utrecht, UtrechtCode), (UtrechtAgain, UtrechtCode), (Amsterdam, AmsterdamCode), (AddressKey.Create("3011AA", 1), unnamed)];
        OrganisationId[] reporters = [TestRegion.School, TestRegion.YouthHealthCare, TestRegion.SocialWork];
        var (scenario, notices) = Scenario(new Dictionary<MunicipalityCode, OrganisationId> { [AmsterdamCode] = TestRegion.YouthAndFamilyCentre });
        var youth = People[0];
        var home = homes[0];
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [youth], [], home.Address, home.Municipality));
        var expected = reporters.ToDictionary(r => r, _ => 0);
        var (toCoordinator, toUnnamed) = (0, 0);
        foreach (var step in steps ?? [])
        {
            var organisation = reporters[(step / 4) % reporters.Length];
            switch (step % 4)
            {
                case 0:
                    scenario.Index.Register(By(organisation, YouthAged(youth, 12))).ThrowIfRefused();
                    break;
                case 1 when scenario.Index.GetActiveSignals(youth).Any(s => s.Organisation == organisation):
                    scenario.Index.Withdraw(youth, organisation, WithdrawalReason.RiskGone);
                    break;
                case 2 when scenario.Clock.GetCurrentInstant() < Start + Duration.FromDays(2500):
                    // At most about seven years on, so the youth stays young enough to be signalled.
                    scenario.AdvanceDays(200);
                    break;
                case 3:
                    var next = homes[(step / 4) % homes.Length];
                    var active = scenario.Index.GetActiveSignals(youth);
                    if (next.Address != home.Address && active.Count > 0)
                    {
                        foreach (var signal in active)
                        {
                            expected[signal.Organisation]++;
                        }

                        toCoordinator += next.Municipality == AmsterdamCode && home.Municipality != AmsterdamCode ? 1 : 0;
                        toUnnamed += next.Municipality == unnamed && home.Municipality != unnamed ? 1 : 0;
                    }

                    home = next;
                    scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [youth], [], home.Address, home.Municipality));
                    break;
            }
        }

        Assert.All(reporters, r => Assert.Equal(expected[r], notices.Read(r).Count));
        Assert.All(reporters.SelectMany(r => notices.Read(r)), n => Assert.Equal(n.RecipientOrganisation, Assert.Single(n.Signals).Party.Organisation));
        Assert.Equal(toCoordinator, notices.Read(TestRegion.YouthAndFamilyCentre).Count);
        Assert.Equal(toUnnamed, notices.ReadForMunicipality(unnamed).Count);
    }

    [Fact]
    public void A_municipality_code_is_four_digits_and_a_family_gives_it_only_with_an_address()
    {
        Assert.Equal("0363", MunicipalityCode.FromNumber(363).Code);
        Assert.Equal(AmsterdamCode, MunicipalityCode.Parse("363"));
        Assert.False(MunicipalityCode.TryParse("12345", out _));
        Assert.False(MunicipalityCode.TryParse("0000", out _));
        Assert.Throws<FormatException>(() => MunicipalityCode.Parse("03a3"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MunicipalityCode.FromNumber(10000));
        Assert.Throws<ArgumentException>(() => Family.Create(new FamilyId(1), [People[0]], [], null, AmsterdamCode));
        Assert.Throws<ArgumentException>(() => Family.Create(new FamilyId(1), [People[0]], [], Amsterdam, default(MunicipalityCode)));
    }

    private static (IndexScenario Scenario, MoveNotices Notices) Scenario(IReadOnlyDictionary<MunicipalityCode, OrganisationId> coordinators)
    {
        var directory = TestRegion.CreateDirectory();
        var notices = new MoveNotices(directory, coordinators, null);
        return (new IndexScenario(observers: [notices]), notices);
    }
}
