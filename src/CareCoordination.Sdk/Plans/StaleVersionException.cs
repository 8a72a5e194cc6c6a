using System.Globalization;
using CareCoordination.Sdk.Coordination;

namespace CareCoordination.Sdk.Plans;

/// <summary>
/// Thrown when a change was made on an older version of a plan than the stored one — another professional changed it
/// first. Nothing is overwritten; reload the plan, check the other change, and try again.
/// </summary>
public sealed class StaleVersionException : CoordinationException
{
    internal StaleVersionException(CaseId plan, int expected, int actual)
        : base(string.Create(CultureInfo.InvariantCulture, $"The plan of {plan} is at version {actual}; the change was made on version {expected}. Reload the plan and try again."))
    {
        Plan = plan;
        ExpectedVersion = expected;
        ActualVersion = actual;
    }

    /// <summary>Gets the plan (its case).</summary>
    public CaseId Plan { get; }

    /// <summary>Gets the version the change was made on.</summary>
    public int ExpectedVersion { get; }

    /// <summary>Gets the version the plan is at.</summary>
    public int ActualVersion { get; }
}
