using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;

namespace CareCoordination.Sdk.VendorStore.Tests;

/// <summary>The event stream contract against a vendor's journal store, closed and reopened between writing and reading.</summary>
public sealed class JournalEventStreamStoreTests : EventStreamStoreContract
{
    private readonly JournalFiles _files = new();
    private string _path;

    public JournalEventStreamStoreTests() => _path = _files.NewPath();

    public override void Dispose()
    {
        _files.Dispose();
        base.Dispose();
    }

    protected override IEventStreamStore OpenStreams() => new JournalStore(_path);

    protected override void CloseStreams(IEventStreamStore store) => ((JournalStore)store).Dispose();

    protected override void ResetStreams() => _path = _files.NewPath();
}
