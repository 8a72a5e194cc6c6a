using System;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>The municipality's timing of the plan and its ladder: how late an action may be before the plan stalls, and how long each rung has.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PlanPolicy
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="gracePeriod">How many days an action may be overdue before the plan counts as stalled; 0 to 60.</param>
    /// <param name="executorsPeriod">How many days the executors have to resolve a stagnation; 1 to 90.</param>
    /// <param name="managementPeriod">How many days the managers or boards have; 1 to 90.</param>
    /// <param name="municipalityPeriod">How many days the municipality gives itself to decide; 1 to 90.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    public PlanPolicy(int gracePeriod = 7, int executorsPeriod = 14, int managementPeriod = 14, int municipalityPeriod = 28)
    {
        GracePeriod = Period.FromDays(gracePeriod is >= 0 and <= 60 ? gracePeriod : throw new ArgumentOutOfRangeException(nameof(gracePeriod), gracePeriod, "The grace period is 0 to 60 days."));
        ExecutorsPeriod = Days(executorsPeriod, nameof(executorsPeriod));
        ManagementPeriod = Days(managementPeriod, nameof(managementPeriod));
        MunicipalityPeriod = Days(municipalityPeriod, nameof(municipalityPeriod));
    }

    /// <summary>Gets the default: 7 days' grace, 14 days for the executors, 14 for management, 28 for the municipality.</summary>
    public static PlanPolicy Default { get; } = new();

    /// <summary>Gets how long an action may be overdue before the plan stalls.</summary>
    public Period GracePeriod { get; }

    /// <summary>Gets how long the executors have.</summary>
    public Period ExecutorsPeriod { get; }

    /// <summary>Gets how long the managers or boards have.</summary>
    public Period ManagementPeriod { get; }

    /// <summary>Gets how long the municipality gives itself.</summary>
    public Period MunicipalityPeriod { get; }

    /// <summary>Gets how long a rung has before it passes the plan up.</summary>
    /// <param name="level">The rung.</param>
    /// <returns>The period; zero for <see cref="EscalationLevel.None"/>.</returns>
    public Period PeriodFor(EscalationLevel level) => level switch
    {
        EscalationLevel.Executors => ExecutorsPeriod,
        EscalationLevel.Management => ManagementPeriod,
        EscalationLevel.Municipality => MunicipalityPeriod,
        _ => Period.Zero,
    };

    private static Period Days(int days, string name) =>
        Period.FromDays(days is >= 1 and <= 90 ? days : throw new ArgumentOutOfRangeException(name, days, "A rung's period is 1 to 90 days."));
}
