using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using CareCoordination.Sdk.Tests.Storage;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

/// <summary>
/// The audit trail on a store that commits change sets: the records of concurrent reads share one commit and one
/// checkpoint, a record whose commit fails is taken back, and a record written during an operation is part of that
/// operation's one commit. Every wait is on a gate the test opens, never on time.
/// </summary>
public sealed class AuditTrailGroupCommitTests
{
    private static readonly Actor Reporter = PrivacyScenario.ReporterOf(TestRegion.SocialWork);

    [Fact]
    public async Task Records_of_reads_made_while_the_store_flushes_share_the_next_commit_and_each_read_returns_once_its_record_is_durable()
    {
        var (store, checkpoints, trail) = Open();
        var committer = GroupCommitter.For(store);
        var start = committer.LastSequence;
        var holding = store.Hold();
        var first = Task.Run(() => Read(trail, "first"));
        SpinWait.SpinUntil(() => store.Entered == 1);

        // Queued, not only counted: a record is in the trail a moment before its operation is queued for the commit.
        var queued = Enumerable.Range(0, 6).Select(i => Task.Run(() => Read(trail, "queued " + i))).ToArray();
        Assert.True(SpinWait.SpinUntil(() => committer.LastSequence == start + 7, TimeSpan.FromMinutes(1)), "the reads were not all queued");
        Assert.All(queued, t => Assert.False(t.IsCompleted, "a read returned before its audit record was durable"));
        holding.Set();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal(2, store.Written);
        Assert.Equal(7, store.Inner.Audit.Records.Count);
        Assert.True(trail.Verify().IsIntact);
        Assert.Equal(7, trail.LastCheckpoint!.Sequence);
        Assert.True(checkpoints.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 2, "one checkpoint per commit, not one per record");
    }

    [Fact]
    public async Task A_record_whose_commit_fails_is_taken_back_and_the_checkpoint_never_names_it()
    {
        var (store, _, trail) = Open();
        Read(trail, "durable");
        var holding = store.Hold();
        var failing = store.Hold(fail: true);
        var second = Task.Run(() => Read(trail, "flushing"));
        SpinWait.SpinUntil(() => store.Entered == 2);
        var third = Task.Run(() => Read(trail, "in the failing group"));
        SpinWait.SpinUntil(() => trail.Count == 3);
        holding.Set();
        await second;
        SpinWait.SpinUntil(() => store.Entered == 3);
        failing.Set();

        await Assert.ThrowsAsync<IOException>(() => third);
        Assert.Equal(2, trail.Count);
        Assert.Equal(2, trail.LastCheckpoint!.Sequence);
        Assert.Equal(3, Read(trail, "retried").Sequence);
        Assert.True(trail.Verify().IsIntact);
    }

    [Fact]
    public void A_record_written_during_an_operation_is_part_of_its_commit_and_goes_when_the_operation_fails()
    {
        var (store, _, trail) = Open();
        var writer = ChangeScope.WriterOf(store);

        ChangeScope.Completion? completion;
        lock (writer)
        {
            using var scope = ChangeScope.Begin(store);
            scope.Add(new StreamChange("case", "1", 0, [new StreamEvent("CaseOpened", 1, IndexScenario.Start, "{}")]));
            Read(trail, "during the operation");
            completion = scope.Complete();
        }

        completion!.Wait();
        Assert.Equal(1, store.Written);
        Assert.Single(store.Inner.Audit.Records);
        Assert.Equal(1, trail.LastCheckpoint!.Sequence);

        lock (writer)
        {
            using var scope = ChangeScope.Begin(store);
            Read(trail, "during an operation that fails before it completes");
            Assert.Equal(2, trail.Count);
        }

        Assert.Equal(1, trail.Count);
        Assert.Single(store.Inner.Audit.Records);
    }

    private static AuditRecord Read(AuditTrail trail, string detail) =>
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, detail, AccessBasis.OwnRegistration);

    private static (ScriptedStore Store, StringWriter Checkpoints, AuditTrail Trail) Open()
    {
        var store = new ScriptedStore();
        var checkpoints = new StringWriter();
        var trail = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, new FakeClock(IndexScenario.Start), store, new TextWriterAuditCheckpointSink(checkpoints));
        return (store, checkpoints, trail);
    }
}
