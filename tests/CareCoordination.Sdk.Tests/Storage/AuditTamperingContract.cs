using System;
using System.Collections.Generic;
using System.Data.Common;
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
/// An attacker who can write to a store's tables but holds neither the chain key nor the checkpoint sink: each
/// tampering of the audit trail is noticed both by <see cref="AuditTrail.Verify()"/> on the open trail and when the
/// store opens again. Shared by the SQLite and PostgreSQL store tests.
/// </summary>
public abstract class AuditTamperingContract
{
    private static readonly Actor Reporter = new("user-2", ActorRole.Reporter, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), "store test");
    private static readonly AuditChainKey AttackersKey = new(TestKeys.Bytes("attacker"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 23, 9, 0));
    private readonly TextWriterAuditCheckpointSink _checkpoints = new(TextWriter.Null);

    /// <summary>Opens the store under test; the same store each call, empty at the first.</summary>
    /// <returns>The store.</returns>
    protected abstract ICareCoordinationStore OpenStore();

    /// <summary>Opens a plain connection to the store's database, as the attacker has one.</summary>
    /// <returns>The open connection.</returns>
    protected abstract DbConnection Connect();

    /// <summary>Names a table of the store as SQL must, for example with its schema.</summary>
    /// <param name="name">The table's name.</param>
    /// <returns>The qualified name.</returns>
    protected abstract string Table(string name);

    [Fact]
    public void Cutting_off_the_newest_records_is_detected()
    {
        AssertDetected(_ => Execute($"DELETE FROM {Table("audit_records")} WHERE sequence > 4"), brokenAt: 5);
    }

    [Fact]
    public void Deleting_the_whole_trail_is_detected()
    {
        AssertDetected(_ => Execute($"DELETE FROM {Table("audit_records")}; DELETE FROM {Table("audit_genesis")}"), brokenAt: 1);
    }

    [Fact]
    public void Changing_a_record_and_rehashing_the_chain_after_it_is_detected()
    {
        AssertDetected(records => Rewrite(Rechain([.. records.Select(r => r.Sequence == 3 ? With(r, detail: "nothing to see") : r)], AttackersKey, from: 3)), brokenAt: 3);
    }

    [Fact]
    public void Moving_a_record_to_another_person_is_detected()
    {
        var other = TestKeys.Pseudonymiser.Of(TestBsns.Second);
        AssertDetected(records => Rewrite(Rechain([.. records.Select(r => r.Sequence == 2 ? With(r, subject: other) : r)], key: null, from: 2)), brokenAt: 2);
    }

    [Fact]
    public void Deleting_a_record_and_renumbering_the_rest_is_detected()
    {
        AssertDetected(
            records => Rewrite(Rechain([.. records.Where(r => r.Sequence != 3).Select(r => r.Sequence > 3 ? With(r, sequence: r.Sequence - 1) : r)], AttackersKey, from: 3)),
            brokenAt: 3);
    }

    [Fact]
    public void Appending_a_forged_record_is_detected()
    {
        AssertDetected(
            records =>
            {
                var head = records[^1];
                Rewrite(Rechain([.. records, With(head, sequence: head.Sequence + 1, detail: "forged alibi")], AttackersKey, from: head.Sequence + 1));
            },
            brokenAt: 7);
    }

    [Fact]
    public void A_purge_nobody_signed_is_detected()
    {
        AssertDetected(
            records =>
            {
                Execute($"DELETE FROM {Table("audit_records")} WHERE sequence <= 3; DELETE FROM {Table("audit_genesis")}");
                Execute($"INSERT INTO {Table("audit_genesis")} (hash, sequence) VALUES ('{records[2].Hash}', 3)");
            },
            brokenAt: 4);
    }

    [Fact]
    public void A_purge_after_retention_leaves_a_signed_purge_record_that_verification_accepts_after_reopening()
    {
        using (var store = (IDisposable)OpenStore())
        {
            var trail = Open((IAuditSink)store);
            Append(trail, 3);
            _clock.Advance(Duration.FromDays(365 * 21));
            Append(trail, 2);

            Assert.Equal(3, trail.PurgeBefore(_clock.GetCurrentInstant() - Duration.FromDays(365 * 20)));

            var purge = trail.Verify();
            Assert.True(purge.IsIntact, purge.Reason);
        }

        using (var store = (IDisposable)OpenStore())
        {
            var reopened = Open((IAuditSink)store);
            var records = ((IAuditSink)store).LoadAuditTrail().Records;
            Assert.Equal((AuditAction.Delete, DataCategory.AuditTrail, 6L), (records[^1].Action, records[^1].Data, records[^1].Sequence));
            Assert.Equal(7L, reopened.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "after the purge", AccessBasis.OwnRegistration).Sequence);
            Assert.True(reopened.Verify().IsIntact);
        }
    }

    [Fact]
    public void After_the_newest_records_were_cut_off_their_sequence_numbers_are_not_given_out_again()
    {
        using (var store = (IDisposable)OpenStore())
        {
            Append(Open((IAuditSink)store), 6);
        }

        Execute($"DELETE FROM {Table("audit_records")} WHERE sequence > 4");

        using (var store = (IDisposable)OpenStore())
        {
            var trail = Open((IAuditSink)store, refuseBrokenChain: false);
            Assert.False(trail.VerificationAtOpen.IsIntact);

            var next = trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "after the cut", AccessBasis.OwnRegistration);

            Assert.Equal(7L, next.Sequence);
            Assert.Equal((false, (long?)5), (trail.Verify().IsIntact, trail.Verify().FirstBrokenSequence));
        }
    }

    [Fact]
    public void Cutting_off_the_newest_records_and_deleting_the_checkpoints_is_detected_at_opening()
    {
        using (var store = (IDisposable)OpenStore())
        {
            Append(Open((IAuditSink)store), 6);
        }

        Execute($"DELETE FROM {Table("audit_records")} WHERE sequence > 4");

        using (var store = (IDisposable)OpenStore())
        {
            var error = Assert.Throws<AuditTrailBrokenException>(() => new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, _clock, (IAuditSink)store, new TextWriterAuditCheckpointSink(TextWriter.Null)));
            Assert.Equal(5L, error.Verification.FirstBrokenSequence);
            Assert.Contains("checkpoints were lost or deleted", error.Verification.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void After_an_investigation_a_privacy_officer_anchors_a_trail_whose_checkpoints_were_lost_again()
    {
        using (var store = (IDisposable)OpenStore())
        {
            Append(Open((IAuditSink)store), 3);
        }

        var restored = new TextWriterAuditCheckpointSink(TextWriter.Null);
        using (var store = (IDisposable)OpenStore())
        {
            var investigated = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, _clock, (IAuditSink)store, restored, refuseBrokenChain: false);
            Assert.False(investigated.VerificationAtOpen.IsIntact);
            Assert.Equal(3L, restored.ReadLatest()?.Sequence);
        }

        using (var store = (IDisposable)OpenStore())
        {
            var reopened = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, _clock, (IAuditSink)store, restored);
            Assert.True(reopened.VerificationAtOpen.IsIntact, reopened.VerificationAtOpen.Reason);
        }
    }

    private void AssertDetected(Action<IReadOnlyList<AuditRecord>> tamper, long brokenAt)
    {
        using (var store = (IDisposable)OpenStore())
        {
            var trail = Open((IAuditSink)store);
            Append(trail, 6);
            Assert.True(trail.Verify().IsIntact);

            tamper(((IAuditSink)store).LoadAuditTrail().Records);

            var onDemand = trail.Verify();
            Assert.False(onDemand.IsIntact);
            Assert.Equal(brokenAt, onDemand.FirstBrokenSequence);
        }

        using (var store = (IDisposable)OpenStore())
        {
            var error = Assert.Throws<AuditTrailBrokenException>(() => Open((IAuditSink)store));
            Assert.Equal(brokenAt, error.Verification.FirstBrokenSequence);
        }
    }

    private AuditTrail Open(IAuditSink sink, bool refuseBrokenChain = true) =>
        new(TestKeys.Pseudonymiser, TestKeys.AuditChain, _clock, sink, _checkpoints, refuseBrokenChain);

    private void Append(AuditTrail trail, int count)
    {
        for (var i = 0; i < count; i++)
        {
            trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "item " + i, AccessBasis.OwnRegistration);
            _clock.Advance(Duration.FromMinutes(1));
        }
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // The attacker's best: rewrite every table row, so that whatever the store keeps on the side stays consistent.
    private void Rewrite(IReadOnlyList<AuditRecord> records)
    {
        using var connection = Connect();
        AuditTableRewriter.Rewrite(connection, Table("audit_records"), records);
    }

    // Re-hashes the chain from one record on, as someone without the key can: with a key of their own, or with the unkeyed SHA-256.
    private static List<AuditRecord> Rechain(IReadOnlyList<AuditRecord> records, AuditChainKey? key, long from)
    {
        var result = new List<AuditRecord>();
        var previous = records[0].PreviousHash;
        foreach (var r in records)
        {
            if (r.Sequence < from)
            {
                result.Add(r);
                previous = r.Hash;
                continue;
            }

            var linked = With(r, previousHash: previous);
            var hash = key is null ? linked.ComputeHash() : ForgedTrail(key, linked);
            result.Add(With(linked, hash: hash));
            previous = hash;
        }

        return result;
    }

    // The attacker seals the record as the SDK does, with the SDK's own code, under a key of their own.
    private static string ForgedTrail(AuditChainKey key, AuditRecord r) =>
        AuditRecord.Seal(r.Sequence, r.At, r.UserId, r.Role, r.Organisation, r.System, r.Subject, r.Action, r.Data, r.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, r.PreviousHash, key).Hash;

    private static AuditRecord With(AuditRecord r, long? sequence = null, string? detail = null, PersonPseudonym? subject = null, string? previousHash = null, string? hash = null) =>
        new(sequence ?? r.Sequence, r.At, r.UserId, r.Role, r.Organisation, r.System, subject ?? r.Subject, r.Action, r.Data, detail ?? r.Detail, r.Basis, r.BasisReference, r.FlaggedForReview, previousHash ?? r.PreviousHash, hash ?? r.Hash);
}
