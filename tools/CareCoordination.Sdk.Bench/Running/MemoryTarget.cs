using System;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>The index in memory only: what matching costs without a disk.</summary>
internal sealed class MemoryTarget : BenchTarget
{
    public override string Name => "in-memory index (no store)";

    public override bool IsDurable => false;

    public override string? Check(bool overwrite) => null;

    public override ISignalStore? OpenEmpty() => null;

    public override ISignalStore Reopen() => throw new InvalidOperationException("An index in memory has no store to rebuild from.");

    public override long? SizeOnDisk() => null;
}
