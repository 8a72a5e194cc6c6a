using System;
using System.IO;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy.Audit;

public sealed class FileAuditCheckpointSinkTests : IDisposable
{
    // Each test gets a folder of its own (xunit makes an instance per test), gone when the test is.
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("carecoordination-checkpoints-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_restarted_trail_is_checked_against_the_newest_checkpoint_in_the_file_and_a_torn_last_line_is_skipped()
    {
        var path = Path.Combine(_folder.FullName, "audit.checkpoints");
        var sink = new InMemoryAuditSink();
        var clock = new FakeClock(IndexScenario.Start);
        var trail = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, sink, new FileAuditCheckpointSink(path));
        trail.Append(PrivacyScenario.Auditor, TestBsns.First, AuditAction.Read, DataCategory.AuditTrail, "a", AccessBasis.AuditDuty);
        trail.Append(PrivacyScenario.Auditor, TestBsns.First, AuditAction.Read, DataCategory.AuditTrail, "b", AccessBasis.AuditDuty);
        File.AppendAllText(path, "audit-checkpoint-v1 seq=9 head=");

        var latest = new FileAuditCheckpointSink(path).ReadLatest();

        Assert.Equal((2L, trail.Head), (latest!.Sequence, latest.Head));
        Assert.Equal(trail.LastCheckpoint!.ToString(), latest.ToString());
        Assert.True(new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, sink, new FileAuditCheckpointSink(path)).VerificationAtOpen.IsIntact);
    }

    [Fact]
    public void A_trail_opened_on_a_store_that_lost_its_records_is_refused_by_the_file_checkpoint()
    {
        var path = Path.Combine(_folder.FullName, "audit.checkpoints");
        var clock = new FakeClock(IndexScenario.Start);
        var trail = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, new InMemoryAuditSink(), new FileAuditCheckpointSink(path));
        trail.Append(PrivacyScenario.Auditor, TestBsns.First, AuditAction.Read, DataCategory.AuditTrail, "a", AccessBasis.AuditDuty);

        var error = Assert.Throws<AuditTrailBrokenException>(() => new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock, new InMemoryAuditSink(), new FileAuditCheckpointSink(path)));

        Assert.Equal((long?)1, error.Verification.FirstBrokenSequence);
    }
}
