namespace CareCoordination.Sdk.Bench.Reporting;

/// <summary>One region size and what it took: the points of the "memory and disk against region size" chart.</summary>
internal sealed record SizePoint(string Label, int Youths, long IndexHeapBytes, long PeakWorkingSetBytes, long? StoreBytes);
