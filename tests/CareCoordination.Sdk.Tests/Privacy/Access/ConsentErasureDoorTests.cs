using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
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
/// The door for erasing a youth's consents (R11, AVG art. 17), on a store that commits change sets: the privacy officer
/// erases the consents and legal bases, with one audit record in the erasure's own commit; any other role is refused,
/// with the refusal in the audit trail and the consents untouched; a blank reason changes nothing.
/// </summary>
public sealed class ConsentErasureDoorTests
{
    private static readonly Bsn[] People = TestBsns.Generate(2, seed: 171);
    private static readonly Youth Sam = new(People[0], new LocalDate(2016, 3, 1));
    private static readonly Youth Sara = new(People[1], new LocalDate(2013, 6, 1));
    private const string Reason = "erasure request granted by the privacy officer";

    public static TheoryData<ActorRole> OtherRoles => new(Enum.GetValues<ActorRole>().Where(r => r != ActorRole.Auditor));

    [Fact]
    public void The_privacy_officer_erases_the_youths_consents_and_leaves_one_audit_record_in_the_same_commit()
    {
        var door = new DoorOnOneStore();
        door.Consents.Give(Sam, ConsentPurpose.Coordination, [TestRegion.SocialWork], ConsentGiver.Parents);
        door.Consents.Give(Sam, ConsentPurpose.Coordination, [TestRegion.YouthHealthCare], ConsentGiver.Parents);
        door.Consents.Give(Sara, ConsentPurpose.Coordination, [TestRegion.SocialWork], ConsentGiver.Youth | ConsentGiver.Parents);
        var written = door.Store.Written;
        var stored = door.Store.Inner.Audit.Records.Count;

        Assert.Equal(2, door.Access.EraseConsents(PrivacyScenario.Auditor, Sam.Bsn, Reason));

        Assert.Equal(written + 1, door.Store.Written);
        Assert.Equal(stored + 1, door.Store.Inner.Audit.Records.Count);
        var record = Assert.Single(door.Audit.About(Sam.Bsn));
        Assert.Equal((ActorRole.Auditor, AuditAction.Delete, DataCategory.Consent), (record.Role, record.Action, record.Data));
        Assert.Empty(door.Consents.About(Sam.Bsn).Consents);
        Assert.Single(door.Consents.About(Sara.Bsn).Consents);
        Assert.Empty(new ConsentRegister(ConsentPolicy.Default, door.Zone, door.Clock, door.Store).About(Sam.Bsn).Consents);
    }

    [Fact]
    public async Task The_privacy_officer_erases_asynchronously_once_the_erasure_is_durable()
    {
        var door = new DoorOnOneStore();
        door.Consents.Give(Sam, ConsentPurpose.Coordination, [TestRegion.SocialWork], ConsentGiver.Parents);

        Assert.Equal(1, await door.Access.EraseConsentsAsync(PrivacyScenario.Auditor, Sam.Bsn, Reason));

        Assert.Empty(door.Consents.About(Sam.Bsn).Consents);
        Assert.Equal(AuditAction.Delete, Assert.Single(door.Audit.About(Sam.Bsn)).Action);
    }

    [Fact]
    public void An_erasure_whose_commit_fails_leaves_the_consents_and_no_audit_record()
    {
        var door = new DoorOnOneStore();
        door.Consents.Give(Sam, ConsentPurpose.Coordination, [TestRegion.SocialWork], ConsentGiver.Parents);
        door.Store.Hold(fail: true).Set();

        Assert.ThrowsAny<IOException>(() => door.Access.EraseConsents(PrivacyScenario.Auditor, Sam.Bsn, Reason));

        Assert.Single(door.Consents.About(Sam.Bsn).Consents);
        Assert.Empty(door.Audit.About(Sam.Bsn));
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public void Another_role_is_refused_the_refusal_is_audited_and_the_consents_are_untouched(ActorRole role)
    {
        var door = new DoorOnOneStore();
        door.Consents.Give(Sam, ConsentPurpose.Coordination, [TestRegion.SocialWork], ConsentGiver.Parents);

        Assert.Throws<AccessDeniedException>(() => door.Access.EraseConsents(PrivacyScenario.InRole(role), Sam.Bsn, Reason));

        Assert.Single(door.Consents.About(Sam.Bsn).Consents);
        Assert.Single(new ConsentRegister(ConsentPolicy.Default, door.Zone, door.Clock, door.Store).About(Sam.Bsn).Consents);
        var refusal = Assert.Single(door.Audit.About(Sam.Bsn));
        Assert.Equal((role, AuditAction.Refused, DataCategory.Consent), (refusal.Role, refusal.Action, refusal.Data));
    }

    [Fact]
    public async Task Another_role_is_refused_asynchronously_too()
    {
        var door = new DoorOnOneStore();
        door.Consents.Give(Sam, ConsentPurpose.Coordination, [TestRegion.SocialWork], ConsentGiver.Parents);

        await Assert.ThrowsAsync<AccessDeniedException>(() => door.Access.EraseConsentsAsync(PrivacyScenario.Coordinator, Sam.Bsn, Reason));

        Assert.Single(door.Consents.About(Sam.Bsn).Consents);
        Assert.Equal(AuditAction.Refused, Assert.Single(door.Audit.About(Sam.Bsn)).Action);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_blank_reason_is_refused_and_nothing_changes(string? reason)
    {
        var door = new DoorOnOneStore();
        door.Consents.Give(Sam, ConsentPurpose.Coordination, [TestRegion.SocialWork], ConsentGiver.Parents);
        var written = door.Store.Written;

        var refused = Assert.ThrowsAny<ArgumentException>(() => door.Access.EraseConsents(PrivacyScenario.Auditor, Sam.Bsn, reason!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => door.Access.EraseConsentsAsync(PrivacyScenario.Auditor, Sam.Bsn, reason!));

        Assert.Equal("reason", refused.ParamName);
        Assert.Single(door.Consents.About(Sam.Bsn).Consents);
        Assert.Equal(0, door.Audit.Count);
        Assert.Equal(written, door.Store.Written);
    }
}
