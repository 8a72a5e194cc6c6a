using System;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>Where the replay keeps the index: in memory only, or durably in a store it can rebuild from.</summary>
internal abstract class BenchTarget
{
    /// <summary>Gets what the report calls the target, without secrets.</summary>
    public abstract string Name { get; }

    /// <summary>Gets a value indicating whether the index has a store to rebuild from.</summary>
    public abstract bool IsDurable { get; }

    /// <summary>Checks, before anything runs, that the target can be used; returns why not, or null.</summary>
    public abstract string? Check(bool overwrite);

    /// <summary>Opens an empty store, removing what an earlier run of the benchmark left there; null in memory.</summary>
    public abstract ISignalStore? OpenEmpty();

    /// <summary>Opens the store the run wrote, to rebuild an index from it.</summary>
    public abstract ISignalStore Reopen();

    /// <summary>The bytes the store takes on disk; null in memory.</summary>
    public abstract long? SizeOnDisk();

    /// <summary>Closes a store; a store that was checkpointed first reports its settled size.</summary>
    public virtual void Close(ISignalStore? store) => (store as IDisposable)?.Dispose();
}
