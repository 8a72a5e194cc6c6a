using System.Collections.Generic;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Tests.Availability;

/// <summary>The signal rows a store holds, read through its own <see cref="ISignalStore.Load"/>, as the index would rebuild from them.</summary>
public sealed class StoredRows : IStoredIndexSink
{
    private StoredRows()
    {
    }

    /// <summary>Gets the signal rows, in identifier order.</summary>
    public List<StoredSignal> Signals { get; } = [];

    /// <summary>Reads every signal row of a store.</summary>
    public static List<StoredSignal> Of(ISignalStore store)
    {
        var rows = new StoredRows();
        store.Load(rows);
        return rows.Signals;
    }

    public void Add(in StoredSignal signal) => Signals.Add(signal);

    public void Add(StoredFamily family)
    {
    }

    public void Add(StoredIdempotencyKey key)
    {
    }
}
