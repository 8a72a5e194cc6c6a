using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

public sealed class AuditTrailSinkTests
{
    private static readonly Actor Reporter = PrivacyScenario.ReporterOf(TestRegion.SocialWork);

    [Fact]
    public void A_trail_kept_in_a_sink_continues_its_chain_after_a_restart()
    {
        var sink = new InMemoryAuditSink();
        var checkpoints = new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null);
        var clock = new FakeClock(IndexScenario.Start);
        var first = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, sink, checkpoints);
        first.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "a", AccessBasis.OwnRegistration);
        first.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "b", AccessBasis.OwnRegistration);

        var restarted = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, sink, checkpoints);
        var third = restarted.Append(Reporter, TestBsns.Second, AuditAction.Read, DataCategory.Signals, "c", AccessBasis.OwnRegistration);

        Assert.Equal((3L, first.Head), (third.Sequence, third.PreviousHash));
        Assert.True(restarted.Verify().IsIntact);
        Assert.Equal(3, sink.Records.Count);
    }

    [Fact]
    public void A_record_the_sink_refuses_is_not_part_of_the_trail()
    {
        var sink = new InMemoryAuditSink();
        var checkpoints = new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null);
        var trail = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, new FakeClock(IndexScenario.Start), sink, checkpoints);
        sink.FailNextAppend();

        Assert.Throws<System.InvalidOperationException>(() => trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "a", AccessBasis.OwnRegistration));

        Assert.Equal(0, trail.Count);
        Assert.Equal(1, trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "a", AccessBasis.OwnRegistration).Sequence);
    }

    [Fact]
    public void A_purge_is_kept_so_that_the_restarted_trail_still_verifies_and_numbers_on()
    {
        var sink = new InMemoryAuditSink();
        var checkpoints = new TextWriterAuditCheckpointSink(System.IO.TextWriter.Null);
        var clock = new FakeClock(IndexScenario.Start);
        var trail = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, sink, checkpoints);
        trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "old", AccessBasis.OwnRegistration);
        clock.Advance(Duration.FromDays(400 + (366 * 5)));
        trail.PurgeBefore(clock.GetCurrentInstant() - Duration.FromDays(366 * 5));

        var restarted = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, sink, checkpoints);

        Assert.Equal((1, trail.Genesis), (restarted.Count, restarted.Genesis));
        Assert.Equal(3, restarted.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "new", AccessBasis.OwnRegistration).Sequence);
        Assert.True(restarted.Verify().IsIntact);
    }
}
