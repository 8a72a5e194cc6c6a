namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// Thrown when a change was made on an older version of a case or a plan than the current one — someone else changed
/// it first (optimistic concurrency). Nothing is overwritten; reload it, look at the other change, and try again.
/// </summary>
public sealed class StaleVersionException : CoordinationException
{
    internal StaleVersionException(CaseId @case, bool ofPlan, int expected, int actual)
        : base(Internal.Messages.Format(ofPlan ? CoordinationMessages.StalePlanVersion : CoordinationMessages.StaleCaseVersion, @case, actual, expected))
    {
        Case = @case;
        ExpectedVersion = expected;
        ActualVersion = actual;
    }

    /// <summary>Gets the case (of the plan).</summary>
    public CaseId Case { get; }

    /// <summary>Gets the version the change was made on.</summary>
    public int ExpectedVersion { get; }

    /// <summary>Gets the version it is at.</summary>
    public int ActualVersion { get; }
}
