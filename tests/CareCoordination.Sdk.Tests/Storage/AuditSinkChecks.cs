using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>What every durable audit sink must do, shared by the SQLite and PostgreSQL store tests.</summary>
public static class AuditSinkChecks
{
    private static readonly Actor Reporter = new("user-2", ActorRole.Reporter, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), "store test");

    /// <summary>Opens a trail on the sink, as a host does at start-up.</summary>
    /// <param name="sink">The sink.</param>
    /// <param name="checkpoints">Where the trail's checkpoints go; the same each time the test opens the store, as a host's outlive a restart.</param>
    /// <returns>The trail.</returns>
    public static AuditTrail Open(IAuditSink sink, IAuditCheckpointSink checkpoints) => new(TestKeys.Pseudonymiser, TestKeys.AuditChain, new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), sink, checkpoints);

    /// <summary>Appends records about the first test youth through a trail on the sink.</summary>
    /// <param name="sink">The sink.</param>
    /// <param name="checkpoints">Where the trail's checkpoints go.</param>
    /// <param name="count">How many.</param>
    /// <returns>The trail's head afterwards.</returns>
    public static string Write(IAuditSink sink, IAuditCheckpointSink checkpoints, int count)
    {
        var trail = Open(sink, checkpoints);
        for (var i = 0; i < count; i++)
        {
            trail.Append(Reporter, TestBsns.First, AuditAction.Read, DataCategory.Signals, "item " + i, AccessBasis.OwnRegistration, i % 2 == 0 ? null : "consent-" + i, flaggedForReview: i == 3);
        }

        return trail.Head;
    }
}
