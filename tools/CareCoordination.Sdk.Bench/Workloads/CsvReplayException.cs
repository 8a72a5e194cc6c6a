using System;

namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>A CSV export that cannot be replayed: a bad line while the user chose to stop, or a file without lines.</summary>
internal sealed class CsvReplayException : Exception
{
    public CsvReplayException()
    {
    }

    public CsvReplayException(string message)
        : base(message)
    {
    }

    public CsvReplayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
