using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

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
        Assert.Equal((AuditRecord.GenesisHash, true), (record.PreviousHash, record.IsKeyed));
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), record.ToString() + record.Subject, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_pseudonym_depends_on_the_key()
    {
        var bsn = TestBsns.First;

        Assert.Equal(new Pseudonymiser(TestKeys.Bytes("a")).Of(bsn), new Pseudonymiser(TestKeys.Bytes("a")).Of(bsn));
        Assert.NotEqual(new Pseudonymiser(TestKeys.Bytes("a")).Of(bsn), new Pseudonymiser(TestKeys.Bytes("b")).Of(bsn));
        Assert.Throws<WeakKeyException>(() => new Pseudonymiser(TestKeys.Bytes("a").AsSpan(0, 16)));
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
        Assert.True(AuditTrail.Verify(new StoredAuditTrail(trail.Genesis, 0, records), TestKeys.AuditChain, trail.LastCheckpoint).IsIntact);
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

        var verification = AuditTrail.Verify(new StoredAuditTrail(trail.Genesis, 0, records), TestKeys.AuditChain, trail.LastCheckpoint);

        Assert.False(verification.IsIntact);
        Assert.NotNull(verification.FirstBrokenSequence);
    }

    [Fact]
    public void Removing_the_newest_record_escapes_the_chain_alone_but_not_the_checkpoint()
    {
        var (trail, _) = Trail();
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "a", AccessBasis.OwnRegistration);
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "b", AccessBasis.OwnRegistration);

        var copy = new StoredAuditTrail(trail.Genesis, 0, [.. trail.Export().Take(1)]);

        Assert.True(AuditTrail.Verify(copy, TestKeys.AuditChain, checkpoint: null).IsIntact);
        var verification = AuditTrail.Verify(copy, TestKeys.AuditChain, trail.LastCheckpoint);
        Assert.Equal((false, "the trail ends at #1 but the last checkpoint names #2: records at the end were removed"), (verification.IsIntact, verification.Reason));
    }

    [Fact]
    public void A_checkpoint_signed_with_another_key_is_not_trusted()
    {
        var (trail, _) = Trail();
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "a", AccessBasis.OwnRegistration);
        var checkpoint = trail.LastCheckpoint!;
        var forged = AuditCheckpoint.Parse(checkpoint.ToString().Replace("seq=1 ", "seq=0 ", System.StringComparison.Ordinal));

        var verification = AuditTrail.Verify(new StoredAuditTrail(trail.Genesis, 0, []), TestKeys.AuditChain, forged);

        Assert.Equal(checkpoint.ToString(), AuditCheckpoint.Parse(checkpoint.ToString()).ToString());
        Assert.False(verification.IsIntact);
        Assert.StartsWith("the last checkpoint is not signed", verification.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_trail_of_an_earlier_SDK_is_adopted_its_unkeyed_records_verify_and_new_records_are_keyed()
    {
        var sink = new InMemoryAuditSink();
        var clock = new FakeClock(IndexScenario.Start);
        var first = Unkeyed(1, AuditRecord.GenesisHash, clock.GetCurrentInstant());
        sink.AppendAudit(first);
        sink.AppendAudit(Unkeyed(2, first.Hash, clock.GetCurrentInstant()));
        var checkpoints = new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null);

        var trail = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, sink, checkpoints);
        var third = trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "c", AccessBasis.OwnRegistration);

        Assert.Equal((3L, 3L), (checkpoints.ReadLatest()!.KeyedFrom, third.Sequence));
        Assert.True(third.IsKeyed);
        Assert.True(trail.Verify().IsIntact);
        sink.AppendAudit(Unkeyed(4, third.Hash, clock.GetCurrentInstant()));
        Assert.Equal((false, (long?)4), (trail.Verify().IsIntact, trail.Verify().FirstBrokenSequence));
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

        var verification = AuditTrail.Verify(new StoredAuditTrail(trail.Genesis, 0, records), TestKeys.AuditChain, trail.LastCheckpoint);

        Assert.Equal((false, (long?)3, "the record's content does not match its keyed hash: it was changed, moved to another person, renumbered or forged"), (verification.IsIntact, verification.FirstBrokenSequence, verification.Reason));
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
        Assert.Equal(["new", AuditRecord.PurgeDetail(1, trail.Genesis, clock.GetCurrentInstant() - Duration.FromDays(365 * 20))], trail.Export().Select(r => r.Detail));
    }

    [Fact]
    public void A_purge_of_records_younger_than_five_years_is_refused_and_drops_nothing()
    {
        var (trail, clock) = Trail();
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "recent", AccessBasis.OwnRegistration);
        clock.Advance(Duration.FromDays(365 * 4));

        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => trail.PurgeBefore(clock.GetCurrentInstant()));

        Assert.Contains("at least 60 months (NEN 7513)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["recent"], trail.Export().Select(r => r.Detail));
        Assert.True(trail.Verify().IsIntact);
    }

    private static (AuditTrail Trail, FakeClock Clock) Trail()
    {
        var clock = new FakeClock(IndexScenario.Start);
        return (new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, new InMemoryAuditSink(), new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null)), clock);
    }

    // A record as SDKs before the chain key wrote it: chained with the plain SHA-256.
    private static AuditRecord Unkeyed(long sequence, string previous, Instant at)
    {
        var record = new AuditRecord(sequence, at, "user-2", ActorRole.Reporter, TestRegion.SocialWork, "old client", default, AuditAction.Read, DataCategory.Signals, "old " + sequence, AccessBasis.OwnRegistration, null, false, previous, string.Empty);
        return new AuditRecord(sequence, at, "user-2", ActorRole.Reporter, TestRegion.SocialWork, "old client", default, AuditAction.Read, DataCategory.Signals, "old " + sequence, AccessBasis.OwnRegistration, null, false, previous, record.ComputeHash());
    }

    private static AuditRecord Copy(AuditRecord r, string? detail = null, Instant? at = null, bool rehash = false)
    {
        var copy = new AuditRecord(r.Sequence, at ?? r.At, r.UserId, r.Role, r.Organisation, r.System, r.Subject, r.Action, r.Data, detail ?? r.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, r.PreviousHash, r.Hash);
        return rehash
            ? AuditRecord.Seal(r.Sequence, copy.At, r.UserId, r.Role, r.Organisation, r.System, r.Subject, r.Action, r.Data, copy.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, r.PreviousHash, new AuditChainKey(TestKeys.Bytes("attacker")))
            : copy;
    }
}
