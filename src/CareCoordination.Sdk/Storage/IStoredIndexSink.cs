namespace CareCoordination.Sdk.Storage;

/// <summary>Receives a store's contents when the reference index rebuilds itself at start-up.</summary>
public interface IStoredIndexSink
{
    /// <summary>Adds one stored signal.</summary>
    /// <param name="signal">The signal.</param>
    void Add(in StoredSignal signal);

    /// <summary>Adds one stored family.</summary>
    /// <param name="family">The family, its members by key.</param>
    void Add(StoredFamily family);

    /// <summary>Adds one stored idempotency key with its answer.</summary>
    /// <param name="key">The key.</param>
    void Add(StoredIdempotencyKey key);

    /// <summary>
    /// Tells the index the highest signal identifier the store ever gave out, when that is above every stored signal
    /// (the newest were erased), so that no identifier is given out twice. A store that erased no signal need not call it.
    /// </summary>
    /// <param name="last">The highest identifier used.</param>
    void SignalIdsUsedUpTo(Signals.SignalId last)
    {
    }
}
