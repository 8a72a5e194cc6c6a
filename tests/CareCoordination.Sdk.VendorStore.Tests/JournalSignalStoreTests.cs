using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;

namespace CareCoordination.Sdk.VendorStore.Tests;

/// <summary>The signal store contract against a vendor's journal store, closed and reopened between writing and reading.</summary>
public sealed class JournalSignalStoreTests : SignalStoreContract
{
    private readonly JournalFiles _files = new();
    private string _path;

    public JournalSignalStoreTests() => _path = _files.NewPath();

    public override void Dispose()
    {
        _files.Dispose();
        base.Dispose();
    }

    protected override ISignalStore OpenStore() => new JournalStore(_path);

    protected override void CloseStore(ISignalStore store) => ((JournalStore)store).Dispose();

    protected override IReadOnlyList<StoredEvent> ReadEvents(ISignalStore store, SignalId signal) =>
        [.. ((JournalStore)store).ReadSignalEvents().Where(e => e.Signal == signal)];

    protected override void ResetStore() => _path = _files.NewPath();
}
