using System;
using System.Collections.Generic;
using NodaTime;

namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>
/// The registrations to replay, in day order: one line per registration, as a CSV export holds them or as the
/// synthetic region generated them. Youths are kept as BSN numbers so that nothing here can print one by accident.
/// </summary>
internal sealed class Workload
{
    public Workload(string description, LocalDate start, int days, int youths, int[] bsnNumbers, int[] families, int[] organisations, int[] dayNumbers)
    {
        if (bsnNumbers.Length != families.Length || bsnNumbers.Length != organisations.Length || bsnNumbers.Length != dayNumbers.Length)
        {
            throw new ArgumentException("The columns of a workload have one value per registration.");
        }

        Description = description;
        Start = start;
        Days = days;
        Youths = youths;
        BsnNumbers = bsnNumbers;
        Families = families;
        Organisations = organisations;
        DayNumbers = dayNumbers;
        var seen = new HashSet<int>();
        foreach (var organisation in organisations)
        {
            seen.Add(organisation);
        }

        OrganisationIds = [.. seen];
        Array.Sort(OrganisationIds);
    }

    /// <summary>Where the workload came from, for the report ("synthetic municipality, seed 1", "replay of x.csv").</summary>
    public string Description { get; }

    /// <summary>The first simulated day (day 0).</summary>
    public LocalDate Start { get; }

    /// <summary>How many days the replay covers: the last registration's day plus one, at least the asked years.</summary>
    public int Days { get; }

    /// <summary>The youths living in the region (synthetic), or the distinct youths signalled (replay).</summary>
    public int Youths { get; }

    public int Count => BsnNumbers.Length;

    public double Years => Days / 365.25;

    /// <summary>The youth of each registration, as the BSN's nine digits read as a number.</summary>
    public int[] BsnNumbers { get; }

    /// <summary>The family of each registration's youth; 0 when the youth has no known family.</summary>
    public int[] Families { get; }

    public int[] Organisations { get; }

    /// <summary>The day of each registration, counted from <see cref="Start"/>; never decreasing.</summary>
    public int[] DayNumbers { get; }

    /// <summary>Every organisation that signals, ascending.</summary>
    public int[] OrganisationIds { get; }
}
