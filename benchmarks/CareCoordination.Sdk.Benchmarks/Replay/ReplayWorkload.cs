using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Bench.Running;
using CareCoordination.Sdk.Bench.Workloads;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// Years of a region's registrations from the bench tool's seeded generator (<see cref="SyntheticRegion"/>), with
/// everything each replay target needs worked out in advance, so that a timed replay spends its time in the index
/// under test and not in building BSNs, families or calendar dates.
/// </summary>
internal sealed class ReplayWorkload
{
    /// <summary>The first simulated day; the tool's default, so a replay here and a tool run of the same shape agree.</summary>
    public static readonly LocalDate Start = new(2026, 1, 1);

    /// <summary>Simulated years, as in the replay issue 17 describes.</summary>
    public const int Years = 5;

    private static readonly ReportingCriterion[] Criteria =
    [
        ReportingCriterion.SeriousUpbringingProblems, ReportingCriterion.SchoolAbsenceOrDropout,
        ReportingCriterion.PsychologicalProblemsOrAddiction, ReportingCriterion.FinancialProblems,
    ];

    private ReplayWorkload(Workload workload)
    {
        Source = workload;
        var policy = RegionPolicy.Default;
        var count = workload.Count;
        Days = workload.Days;
        Day = workload.DayNumbers;
        Family = workload.Families;
        Organisation = workload.Organisations;
        BsnNumber = workload.BsnNumbers;
        DayStart = new int[Days + 1];
        for (int d = 0, i = 0; d <= Days; d++)
        {
            while (i < count && Day[i] < d)
            {
                i++;
            }

            DayStart[d] = i;
        }

        // Calendar arithmetic in day numbers for the baselines: a signal stays active 24 months and stays in the archive
        // 60 months (the Jeugdwet defaults of RegionPolicy.Default), and a youth leaves the index at 23.
        ActiveUntil = new int[Days];
        ArchivedUntil = new int[Days];
        JobAt = new Instant[Days];
        WorkAt = new Instant[Days];
        for (var d = 0; d < Days; d++)
        {
            var date = Start.PlusDays(d);
            ActiveUntil[d] = DayNumber(date.Plus(policy.ActivePeriod));
            ArchivedUntil[d] = DayNumber(date.Plus(policy.ArchivePeriod));
            JobAt[d] = date.At(new LocalTime(2, 0)).InZoneLeniently(policy.TimeZone).ToInstant();
            WorkAt[d] = date.At(new LocalTime(8, 0)).InZoneLeniently(policy.TimeZone).ToInstant();
        }

        Registrations = new SignalRegistration[count];
        BsnText = new string[count];
        AgeLimitDay = new int[count];
        FamilyBefore = new Family?[count];
        var youths = new Dictionary<int, Youth>();
        var members = new Dictionary<int, List<Bsn>>();
        for (var i = 0; i < count; i++)
        {
            var number = BsnNumber[i];
            if (!youths.TryGetValue(number, out var youth))
            {
                var bsn = Bsn.Parse(number.ToString("D9", CultureInfo.InvariantCulture));
                youth = new Youth(bsn, SyntheticYouths.DateOfBirthOf(number, Start));
                youths.Add(number, youth);
            }

            var organisation = Organisation[i];
            Registrations[i] = new SignalRegistration(youth, new OrganisationId(organisation), new ProfessionalId(organisation), Criteria[i % Criteria.Length]);
            BsnText[i] = youth.Bsn.RevealDigits();
            AgeLimitDay[i] = DayNumber(youth.DateOfBirth.PlusYears(policy.AgeLimitInYears));
            FamilyBefore[i] = FamilyUpdate(members, Family[i], youth.Bsn);
        }

        Directory = Replayer.CreateDirectory(workload);
        FamiliesFed = members.Values.Count(list => list.Count > 1);
        Youths = youths.Count;
    }

    /// <summary>The generated workload, as the bench tool holds it.</summary>
    public Workload Source { get; }

    public int Count => Day.Length;

    /// <summary>How many families the replay tells the index about: those of which a second youth is signalled.</summary>
    public int FamiliesFed { get; }

    /// <summary>How many distinct youths the replay signals.</summary>
    public int Youths { get; }

    public int Days { get; }

    /// <summary>The day of each registration, from 0; never decreasing.</summary>
    public int[] Day { get; }

    /// <summary>The first registration of each day; <c>DayStart[Days]</c> is <see cref="Count"/>.</summary>
    public int[] DayStart { get; }

    /// <summary>The family of each registration's youth, 0 for none.</summary>
    public int[] Family { get; }

    public int[] Organisation { get; }

    public int[] BsnNumber { get; }

    /// <summary>The BSN as the nine digits a vendor's system keys on (the naive baseline's key).</summary>
    public string[] BsnText { get; }

    /// <summary>The day the youth turns 23: from then on registrations are refused and signals leave the index.</summary>
    public int[] AgeLimitDay { get; }

    /// <summary>The day a signal registered on day d stops being active, 24 months on.</summary>
    public int[] ActiveUntil { get; }

    /// <summary>The day a signal archived on day d leaves the archive, 60 months on.</summary>
    public int[] ArchivedUntil { get; }

    /// <summary>02:00 on each day, Europe/Amsterdam: when the daily expiry job runs.</summary>
    public Instant[] JobAt { get; }

    /// <summary>08:00 on each day: when the day's registrations start.</summary>
    public Instant[] WorkAt { get; }

    public SignalRegistration[] Registrations { get; }

    /// <summary>
    /// The family to tell the index about just before registration i, or null: a vendor adds a family from the
    /// population register when a second youth of it is signalled, as the bench tool's replayer does.
    /// </summary>
    public Family?[] FamilyBefore { get; }

    public OrganisationDirectory Directory { get; }

    /// <summary>
    /// A region of <paramref name="youths"/> youths that registers about <paramref name="registrations"/> signals in
    /// five years, with the shares of issue 17: 15 % follow-ups (a quarter of them by the same organisation, so
    /// renewals), 3 % siblings, organisations of Zipf-distributed sizes, families of one to four.
    /// </summary>
    public static ReplayWorkload Generate(int youths, int registrations, int seed = 17)
    {
        var shape = Shape(youths, registrations);
        return new ReplayWorkload(SyntheticRegion.Generate(shape, seed, Start));
    }

    public static RegionShape Shape(int youths, int registrations) => new()
    {
        Youths = youths,
        Families = RegionShape.DefaultFamilies(youths),
        Organisations = RegionShape.DefaultOrganisations(youths),
        Years = Years,
        SignalsPerYouthPerYear = registrations / ((double)youths * Years),
        FollowUpShare = 0.15,
        SameOrganisationShare = 0.25,
        SiblingShare = 0.03,
    };

    private static int DayNumber(LocalDate date) => Period.Between(Start, date, PeriodUnits.Days).Days;

    private static Family? FamilyUpdate(Dictionary<int, List<Bsn>> members, int family, Bsn youth)
    {
        if (family == 0)
        {
            return null;
        }

        if (!members.TryGetValue(family, out var list))
        {
            members[family] = [youth];
            return null;
        }

        if (list.Contains(youth))
        {
            return null;
        }

        list.Add(youth);
        return Families.Family.Create(new FamilyId(family), [.. list], []);
    }
}
