using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy;

public sealed class AuditTrailTests
{
    private static readonly Actor Reporter = PrivacyScenario.ReporterOf(TestRegion.SocialWork);

    [Fact]
    public void Each_record_names_who_which_person_what_when_from_where_and_on_what_basis()
    {
        var (trail, _) = Trail();

        var record = trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "active signals", AccessBasis.OwnRegistration);

        Assert.Equal(("user-2", ActorRole.Reporter, (OrganisationId?)TestRegion.SocialWork, "Vendor client 4.2"), (record.UserId, record.Role, record.Organisation, record.System));
        Assert.Equal((AuditAction.Read, DataCategory.Signals, (AccessBasis?)AccessBasis.OwnRegistration, IndexScenario.Start), (record.Action, record.Data, record.Basis, record.At));
        Assert.Equal(32, record.Subject.Value.Length);
        Assert.Equal((AuditRecord.GenesisHash, record.ComputeHash()), (record.PreviousHash, record.Hash));
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), record.ToString() + record.Subject, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_pseudonym_depends_on_the_key()
    {
        var bsn = TestBsns.First;

        Assert.Equal(new Pseudonymiser(new byte[32]).Of(bsn), new Pseudonymiser(new byte[32]).Of(bsn));
        Assert.NotEqual(new Pseudonymiser(new byte[32]).Of(bsn), new Pseudonymiser(Enumerable.Repeat((byte)7, 32).ToArray()).Of(bsn));
        Assert.Throws<System.ArgumentException>(() => new Pseudonymiser(new byte[16]));
    }

    [Property(MaxTest = 200)]
    public void Any_altered_removed_or_reordered_record_is_detected(PositiveInt length, NonNegativeInt position, byte tampering)
    {
        var (trail, clock) = Trail();
        var count = 2 + (length.Get % 20);
        var bsns = TestBsns.Generate(5, seed: 9);
        for (var i = 0; i < count; i++)
        {
            trail.Append(Reporter, bsns[i % bsns.Length], (AuditAction)(1 + (i % 5)), DataCategory.Signals, "item " + i, AccessBasis.OwnRegistration);
            clock.Advance(Duration.FromSeconds(1));
        }

        var records = trail.Export().ToList();
        Assert.True(AuditTrail.Verify(records, trail.Genesis).IsIntact);
        var at = position.Get % count;
        var original = records[at];
        switch (tampering % 4)
        {
            case 0:
                records[at] = Copy(original, detail: original.Detail + " changed");
                break;
            case 1:
                records.RemoveAt(at);
                break;
            case 2:
                var other = (at + 1) % count;
                (records[at], records[other]) = (records[other], records[at]);
                break;
            default:
                records[at] = Copy(original, at: original.At + Duration.FromHours(1), rehash: true);
                break;
        }

        var verification = AuditTrail.Verify(records, trail.Genesis, trail.Head);

        Assert.False(verification.IsIntact);
        Assert.NotNull(verification.FirstBrokenSequence);
    }

    [Fact]
    public void Removing_the_newest_record_escapes_the_chain_alone_but_not_the_trails_head()
    {
        var (trail, _) = Trail();
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "a", AccessBasis.OwnRegistration);
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "b", AccessBasis.OwnRegistration);

        var copy = trail.Export().Take(1).ToList();

        Assert.True(AuditTrail.Verify(copy, trail.Genesis).IsIntact);
        var verification = AuditTrail.Verify(copy, trail.Genesis, trail.Head);
        Assert.Equal((false, "the newest record does not match the trail's head: records at the end were changed or removed"), (verification.IsIntact, verification.Reason));
    }

    [Fact]
    public void The_first_broken_link_is_reported_with_its_reason()
    {
        var (trail, _) = Trail();
        for (var i = 0; i < 5; i++)
        {
            trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "item " + i, AccessBasis.OwnRegistration);
        }

        var records = trail.Export().ToList();
        records[2] = Copy(records[2], detail: "forged");

        var verification = AuditTrail.Verify(records, trail.Genesis);

        Assert.Equal((false, (long?)3, "the record's content does not match its hash: it was changed"), (verification.IsIntact, verification.FirstBrokenSequence, verification.Reason));
    }

    [Fact]
    public void Records_past_retention_are_purged_and_the_rest_still_verifies()
    {
        var (trail, clock) = Trail();
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "old", AccessBasis.OwnRegistration);
        clock.Advance(Duration.FromDays(365 * 21));
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "new", AccessBasis.OwnRegistration);

        Assert.Equal(1, trail.PurgeBefore(clock.GetCurrentInstant() - Duration.FromDays(365 * 20)));

        Assert.True(trail.Verify().IsIntact);
        Assert.Equal("new", Assert.Single(trail.Export()).Detail);
    }

    private static (AuditTrail Trail, FakeClock Clock) Trail()
    {
        var clock = new FakeClock(IndexScenario.Start);
        return (new AuditTrail(new Pseudonymiser(new byte[32]), clock), clock);
    }

    private static AuditRecord Copy(AuditRecord r, string? detail = null, Instant? at = null, bool rehash = false)
    {
        var copy = new AuditRecord(r.Sequence, at ?? r.At, r.UserId, r.Role, r.Organisation, r.System, r.Subject, r.Action, r.Data, detail ?? r.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, r.PreviousHash, r.Hash);
        return rehash
            ? new AuditRecord(r.Sequence, copy.At, r.UserId, r.Role, r.Organisation, r.System, r.Subject, r.Action, r.Data, copy.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, r.PreviousHash, copy.ComputeHash())
            : copy;
    }
}
