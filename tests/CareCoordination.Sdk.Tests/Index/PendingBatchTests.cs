using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Storage;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Index;

public sealed class PendingBatchTests
{
    [Fact]
    public void A_batch_carries_every_commits_forgetting_of_remembered_keys_to_the_store()
    {
        var earlier = Instant.FromUtc(2026, 1, 1, 0, 0);
        var later = Instant.FromUtc(2026, 3, 1, 0, 0);
        var merged = PendingBatch.Merge(
        [
            new SignalCommit([], [], []) { ForgetIdempotencyKeysUpTo = earlier, ForgetIdempotencyKeys = ["a"] },
            new SignalCommit([], [], []),
            new SignalCommit([], [], []) { ForgetIdempotencyKeysUpTo = later, ForgetIdempotencyKeys = ["b"] },
        ]);

        Assert.Equal(later, merged.ForgetIdempotencyKeysUpTo);
        Assert.Equal(["a", "b"], merged.ForgetIdempotencyKeys);
    }

    [Fact]
    public void A_batch_without_forgetting_forgets_nothing()
    {
        var merged = PendingBatch.Merge([new SignalCommit([], [], []), new SignalCommit([], [], [])]);

        Assert.Null(merged.ForgetIdempotencyKeysUpTo);
        Assert.Empty(merged.ForgetIdempotencyKeys);
    }
}
