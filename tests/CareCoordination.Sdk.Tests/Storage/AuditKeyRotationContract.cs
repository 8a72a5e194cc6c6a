using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// A privacy officer rotates the audit trail's chain key and pseudonymiser: records before the rotation verify under
/// the retired key, later ones under the new one, on demand and when the store opens again; every tampering across the
/// rotation is still noticed. Shared by the in-memory, SQLite and PostgreSQL store tests.
/// </summary>
public abstract class AuditKeyRotationContract
{
    private static readonly Actor Reporter = new("user-2", ActorRole.Reporter, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), "store test");
    private static readonly Actor PrivacyOfficer = new("privacy-officer", ActorRole.Auditor, TestRegion.YouthAndFamilyCentre, null, "Audit console");
    private static readonly AuditChainKey OldChainKey = TestKeys.AuditChain;
    private static readonly Pseudonymiser OldPseudonymiser = TestKeys.Pseudonymiser;
    private static readonly AuditChainKey NewChainKey = new(TestKeys.Bytes("audit chain, second epoch"));
    private static readonly Pseudonymiser NewPseudonymiser = new(TestKeys.Bytes("pseudonymiser, second epoch"));
    private static readonly AuditChainKey AttackersKey = new(TestKeys.Bytes("attacker"));
    private static readonly AuditKeyRing BeforeRotation = new(OldChainKey, OldPseudonymiser);
    private static readonly AuditKeyRing Rotated = new AuditKeyRing(2, NewChainKey, NewPseudonymiser).WithRetired(1, OldChainKey, OldPseudonymiser);

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 9, 0));
    private readonly TextWriterAuditCheckpointSink _checkpoints = new(TextWriter.Null);

    /// <summary>Opens the store under test; the same store each call, empty at the first.</summary>
    /// <returns>The store.</returns>
    protected abstract ICareCoordinationStore OpenStore();

    /// <summary>Replaces every audit record the store holds, as an attacker who can write to its tables.</summary>
    /// <param name="records">The records the store holds afterwards.</param>
    protected abstract void Rewrite(IReadOnlyList<AuditRecord> records);

    [Fact]
    public void Records_before_a_rotation_verify_under_the_retired_key_and_later_ones_under_the_new_key_also_after_reopening()
    {
        InStore(store =>
        {
            var trail = Open(store, BeforeRotation);
            Append(trail, 3);
        });

        AuditRecord rotation = null!;
        InStore(store =>
        {
            var trail = Open(store, Rotated);
            Assert.Equal(1, trail.KeyEpoch);

            rotation = trail.RotateKeys(PrivacyOfficer);
            Append(trail, 2);

            Assert.Equal((4L, 2, AuditAction.Update, DataCategory.AuditTrail, "audit-key-rotation from epoch 1 to epoch 2"), (rotation.Sequence, rotation.KeyEpoch, rotation.Action, rotation.Data, rotation.Detail));
            Assert.Equal((2, 2), (trail.KeyEpoch, trail.LastCheckpoint!.KeyEpoch));
            var onDemand = trail.Verify();
            Assert.True(onDemand.IsIntact, onDemand.Reason);
        });

        InStore(store =>
        {
            var reopened = Open(store, Rotated);
            Assert.True(reopened.VerificationAtOpen.IsIntact, reopened.VerificationAtOpen.Reason);
            Assert.Equal(2, reopened.KeyEpoch);
            var records = store.LoadAuditTrail().Records;
            Assert.Equal([1, 1, 1, 2, 2, 2], records.Select(r => r.KeyEpoch));
            Assert.Equal(rotation.Hash, records[3].Hash);
            Assert.Equal(7L, reopened.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "after the reopen", AccessBasis.OwnRegistration).Sequence);
            Assert.True(reopened.Verify().IsIntact);
        });
    }

    [Fact]
    public void The_rotation_record_names_the_epochs_and_no_key()
    {
        InStore(store =>
        {
            var trail = Open(store, BeforeRotation);
            Append(trail, 1);
        });

        InStore(store =>
        {
            var rotation = Open(store, Rotated).RotateKeys(PrivacyOfficer);

            var stored = string.Join('|', store.LoadAuditTrail().Records.Select(r => r.ToString() + r.Detail + r.Hash + r.Subject.Value));
            foreach (var name in new[] { "audit chain, second epoch", "pseudonymiser, second epoch", "audit chain", "pseudonymiser" })
            {
                var key = TestKeys.Bytes(name);
                Assert.DoesNotContain(Convert.ToHexStringLower(key), stored, StringComparison.Ordinal);
                Assert.DoesNotContain(Convert.ToBase64String(key), stored, StringComparison.Ordinal);
            }

            Assert.True(rotation.Subject.IsDefault);
            Assert.Equal("privacy-officer", rotation.UserId);
        });
    }

    [Fact]
    public void Only_a_privacy_officer_may_rotate_and_a_refused_rotation_is_recorded_and_changes_nothing()
    {
        InStore(store => Append(Open(store, BeforeRotation), 2));

        InStore(store =>
        {
            var trail = Open(store, Rotated);

            Assert.Throws<AccessDeniedException>(() => trail.RotateKeys(Reporter));

            var refusal = store.LoadAuditTrail().Records[^1];
            Assert.Equal((AuditAction.Refused, true, 1), (refusal.Action, refusal.FlaggedForReview, refusal.KeyEpoch));
            Assert.Equal(1, trail.KeyEpoch);
            Assert.True(trail.Verify().IsIntact);
        });
    }

    [Fact]
    public void Rotating_a_trail_already_in_the_newest_epoch_is_refused_and_writes_nothing()
    {
        InStore(store =>
        {
            var trail = Open(store, BeforeRotation);
            Append(trail, 2);

            var error = Assert.Throws<InvalidOperationException>(() => trail.RotateKeys(PrivacyOfficer));

            Assert.Contains("newest", error.Message, StringComparison.Ordinal);
            Assert.Equal(2, store.LoadAuditTrail().Records.Count);
        });
    }

    [Fact]
    public void A_fresh_trail_starts_in_the_newest_epoch_without_a_rotation_record()
    {
        InStore(store =>
        {
            var trail = Open(store, Rotated);
            Append(trail, 2);
            Assert.Equal([2, 2], store.LoadAuditTrail().Records.Select(r => r.KeyEpoch));
        });

        InStore(store => Assert.True(Open(store, Rotated).VerificationAtOpen.IsIntact));
    }

    [Fact]
    public void Reopening_without_the_retired_key_the_earlier_records_need_stops_with_a_reason_naming_the_epoch()
    {
        RotatedTrail();

        InStore(store =>
        {
            var error = Assert.Throws<AuditTrailBrokenException>(() => Open(store, new AuditKeyRing(2, NewChainKey, NewPseudonymiser)));
            Assert.Equal(1L, error.Verification.FirstBrokenSequence);
            Assert.Contains("epoch 1", error.Verification.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_record_after_the_rotation_rehashed_under_the_retired_key_is_detected()
    {
        // Whoever holds the retired key (the reason to rotate may be that it leaked) cannot seal a record in the new epoch.
        AssertDetected(records => Rewrite(Rechain(records, from: 5, (r, previous) => Seal(r, previous, OldChainKey, epoch: 1))), brokenAt: 5);
    }

    [Fact]
    public void A_record_labelled_with_the_new_epoch_but_sealed_under_another_key_is_detected()
    {
        AssertDetected(records => Rewrite(Rechain(records, from: 5, (r, previous) => Seal(r, previous, AttackersKey, epoch: 2))), brokenAt: 5);
    }

    [Fact]
    public void A_move_to_the_new_key_without_a_rotation_record_is_detected_even_when_sealed_with_the_new_key()
    {
        AssertDetected(
            records => Rewrite(Rechain(records, from: 4, (r, previous) => Seal(r.Sequence == 4 ? With(r, detail: "nothing rotated here", action: AuditAction.Read) : r, previous, NewChainKey, epoch: 2))),
            brokenAt: 4);
    }

    [Fact]
    public void A_rotation_record_forged_by_someone_holding_only_the_retired_key_is_detected()
    {
        AssertDetected(
            records => Rewrite(Rechain(records, from: 4, (r, previous) => Seal(r, previous, r.Sequence == 4 ? OldChainKey : NewChainKey, epoch: 2))),
            brokenAt: 4);
    }

    [Fact]
    public void A_rotation_record_that_names_another_epoch_than_the_one_before_it_is_detected()
    {
        AssertDetected(
            records => Rewrite(Rechain(records, from: 4, (r, previous) => Seal(r.Sequence == 4 ? With(r, detail: "audit-key-rotation from epoch 3 to epoch 2") : r, previous, NewChainKey, epoch: 2))),
            brokenAt: 4);
    }

    [Fact]
    public void A_record_sealed_under_an_epoch_the_host_never_configured_is_detected()
    {
        AssertDetected(records => Rewrite(Rechain(records, from: 6, (r, previous) => Seal(r, previous, AttackersKey, epoch: 9))), brokenAt: 6);
    }

    [Fact]
    public void Rewriting_the_whole_trail_under_the_leaked_retired_key_is_detected_by_the_checkpoint_of_the_new_epoch()
    {
        AssertDetected(
            records => Rewrite(Rechain(records, from: 2, (r, previous) => Seal(r.Sequence == 2 ? With(r, detail: "nothing to see") : r, previous, OldChainKey, epoch: 1))),
            brokenAt: 6);
    }

    [Fact]
    public void Cutting_off_the_rotation_and_everything_after_it_is_detected()
    {
        AssertDetected(records => Rewrite([.. records.Where(r => r.Sequence < 4)]), brokenAt: 4);
    }

    [Fact]
    public void The_pseudonymiser_is_rotated_forward_only_records_keep_their_pseudonym_and_are_found_while_the_retired_pseudonymiser_is_given()
    {
        RotatedTrail();

        InStore(store =>
        {
            var records = store.LoadAuditTrail().Records;
            Assert.All(records.Where(r => r.KeyEpoch == 1), r => Assert.Equal(OldPseudonymiser.Of(TestBsns.First), r.Subject));
            Assert.All(records.Where(r => r.KeyEpoch == 2 && !r.Subject.IsDefault), r => Assert.Equal(NewPseudonymiser.Of(TestBsns.First), r.Subject));

            var withOldPseudonymiser = Open(store, Rotated);
            Assert.Equal([1L, 2, 3, 5, 6], withOldPseudonymiser.About(TestBsns.First).Select(r => r.Sequence));
            Assert.Same(NewPseudonymiser, withOldPseudonymiser.Pseudonymiser);
        });

        InStore(store =>
        {
            // The host gave up the retired pseudonymiser: the earlier records still verify, but no longer lead to the person.
            var without = Open(store, new AuditKeyRing(2, NewChainKey, NewPseudonymiser).WithRetired(1, OldChainKey, null));
            Assert.True(without.VerificationAtOpen.IsIntact, without.VerificationAtOpen.Reason);
            Assert.Equal([5L, 6], without.About(TestBsns.First).Select(r => r.Sequence));
            Assert.Equal(OldPseudonymiser.Of(TestBsns.First), store.LoadAuditTrail().Records[0].Subject);
        });
    }

    [Fact]
    public void A_trail_still_in_an_epoch_whose_pseudonymiser_the_ring_lacks_is_refused_with_the_reason()
    {
        InStore(store => Append(Open(store, BeforeRotation), 1));

        InStore(store =>
        {
            var error = Assert.Throws<ArgumentException>(() => Open(store, new AuditKeyRing(2, NewChainKey, NewPseudonymiser).WithRetired(1, OldChainKey, null)));
            Assert.Contains("epoch 1", error.Message, StringComparison.Ordinal);
        });
    }

    // Three records in epoch 1, the rotation (#4), two records in epoch 2; the checkpoint is of epoch 2.
    private void RotatedTrail()
    {
        InStore(store => Append(Open(store, BeforeRotation), 3));
        InStore(store =>
        {
            var trail = Open(store, Rotated);
            trail.RotateKeys(PrivacyOfficer);
            Append(trail, 2);
        });
    }

    private void AssertDetected(Action<IReadOnlyList<AuditRecord>> tamper, long brokenAt)
    {
        RotatedTrail();
        InStore(store =>
        {
            var trail = Open(store, Rotated);
            Assert.True(trail.Verify().IsIntact);

            tamper(store.LoadAuditTrail().Records);

            var onDemand = trail.Verify();
            Assert.False(onDemand.IsIntact);
            Assert.Equal(brokenAt, onDemand.FirstBrokenSequence);
        });

        InStore(store =>
        {
            var error = Assert.Throws<AuditTrailBrokenException>(() => Open(store, Rotated));
            Assert.Equal(brokenAt, error.Verification.FirstBrokenSequence);
        });
    }

    private void InStore(Action<ICareCoordinationStore> use)
    {
        var store = OpenStore();
        try
        {
            use(store);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private AuditTrail Open(ICareCoordinationStore store, AuditKeyRing keys) => new(keys, _clock, store, _checkpoints, refuseBrokenChain: true);

    private void Append(AuditTrail trail, int count)
    {
        for (var i = 0; i < count; i++)
        {
            trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "item " + i, AccessBasis.OwnRegistration);
            _clock.Advance(Duration.FromMinutes(1));
        }
    }

    // Re-seals the chain from one record on with the attacker's choice of key and epoch for each record.
    private static List<AuditRecord> Rechain(IReadOnlyList<AuditRecord> records, long from, Func<AuditRecord, string, AuditRecord> seal)
    {
        var result = new List<AuditRecord>();
        var previous = records[0].PreviousHash;
        foreach (var r in records)
        {
            var kept = r.Sequence < from ? r : seal(r, previous);
            result.Add(kept);
            previous = kept.Hash;
        }

        return result;
    }

    // The attacker seals the record with the SDK's own code.
    private static AuditRecord Seal(AuditRecord r, string previous, AuditChainKey key, int epoch) =>
        AuditRecord.Seal(r.Sequence, r.At, r.UserId, r.Role, r.Organisation, r.System, r.Subject, r.Action, r.Data, r.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, previous, key, epoch);

    private static AuditRecord With(AuditRecord r, string? detail = null, AuditAction? action = null) =>
        new(r.Sequence, r.At, r.UserId, r.Role, r.Organisation, r.System, r.Subject, action ?? r.Action, r.Data, detail ?? r.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, r.PreviousHash, r.Hash);
}
