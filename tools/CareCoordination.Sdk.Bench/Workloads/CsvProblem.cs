namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>A line of a CSV export that failed a check. The message never holds the line's BSN.</summary>
/// <param name="Line">The line number, counting from 1.</param>
/// <param name="Message">What is wrong, in words the person who made the export can act on.</param>
internal sealed record CsvProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
