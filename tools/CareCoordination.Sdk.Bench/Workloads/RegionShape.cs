using System;
using System.Collections.Generic;
using System.Globalization;

namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>
/// The size of a synthetic region and the rates that drive it. The default rates follow from Multisignaal's published
/// figures for 2023; docs/benchmarks.md shows the derivation.
/// </summary>
internal sealed record RegionShape
{
    /// <summary>Youths under 23 per family with children (CBS order of magnitude); gives the default family count.</summary>
    public const double YouthsPerFamily = 1.8;

    /// <summary>Youths living in the region on any day.</summary>
    public int Youths { get; init; }

    /// <summary>Families the youths live in, each of one to four youths.</summary>
    public int Families { get; init; }

    /// <summary>Organisations that signal.</summary>
    public int Organisations { get; init; }

    /// <summary>Simulated years.</summary>
    public int Years { get; init; } = 3;

    /// <summary>Registrations per youth per year: 168,000 signals over the ~4.4 million youths of ~300 municipalities.</summary>
    public double SignalsPerYouthPerYear { get; init; } = 0.038;

    /// <summary>Share of registrations on a youth who already has an active signal (a follow-up).</summary>
    public double FollowUpShare { get; init; } = 0.28;

    /// <summary>Share of follow-ups made by an organisation that already signalled the youth (a renewal, not a match).</summary>
    public double SameOrganisationShare { get; init; } = 0.25;

    /// <summary>Share of registrations on a brother or sister of a youth with an active signal.</summary>
    public double SiblingShare { get; init; } = 0.60;

    /// <summary>Zipf exponent of organisation sizes: organisation k makes a share proportional to 1/k^skew.</summary>
    public double OrganisationSkew { get; init; } = 1.0;

    /// <summary>The shape of a preset with the default rates.</summary>
    public static RegionShape Of(RegionPreset preset)
    {
        var youths = preset switch
        {
            RegionPreset.Municipality => 50_000,
            RegionPreset.Region => 500_000,
            RegionPreset.Nation => 5_000_000,
            _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset."),
        };
        return new RegionShape { Youths = youths, Families = DefaultFamilies(youths), Organisations = DefaultOrganisations(youths) };
    }

    /// <summary>The default number of families for a number of youths.</summary>
    public static int DefaultFamilies(int youths) => Math.Max(1, (int)Math.Round(youths / YouthsPerFamily));

    /// <summary>
    /// The default number of organisations: one per thousand youths and at least twenty (a municipality of 50,000
    /// youths has some fifty schools, care providers and teams that signal).
    /// </summary>
    public static int DefaultOrganisations(int youths) => Math.Max(20, youths / 1_000);

    /// <summary>Registrations expected in a year.</summary>
    public double SignalsPerYear => Youths * SignalsPerYouthPerYear;

    /// <summary>Every rule this shape breaks, in words a user can act on; empty when it is valid.</summary>
    public IReadOnlyList<string> Violations()
    {
        var violations = new List<string>();
        if (Youths < 1 || Youths > 20_000_000)
        {
            violations.Add(Invariant($"--youths must be from 1 to 20,000,000; it is {Youths}."));
        }

        if (Families < 1 || Families > Youths || (long)Families * 4 < Youths)
        {
            violations.Add(Invariant($"--families must be from youths/4 to youths (families have 1 to 4 youths): from {(Youths + 3) / 4} to {Youths} for {Youths} youths; it is {Families}."));
        }

        if (Organisations < 2 || Organisations > 1_000_000)
        {
            violations.Add(Invariant($"--organisations must be from 2 (a match needs two) to 1,000,000; it is {Organisations}."));
        }

        if (Years < 1 || Years > 20)
        {
            violations.Add(Invariant($"--years must be from 1 to 20; it is {Years}."));
        }

        if (!(SignalsPerYouthPerYear > 0 && SignalsPerYouthPerYear <= 2))
        {
            violations.Add(Invariant($"--signals-per-youth must be above 0 and at most 2 registrations per youth per year; it is {SignalsPerYouthPerYear}."));
        }

        CheckShare(violations, "--follow-up-share", FollowUpShare);
        CheckShare(violations, "--same-organisation-share", SameOrganisationShare);
        CheckShare(violations, "--sibling-share", SiblingShare);
        if (FollowUpShare + SiblingShare > 1)
        {
            violations.Add(Invariant($"--follow-up-share plus --sibling-share must be at most 1 (the rest are youths signalled for the first time); it is {FollowUpShare + SiblingShare}."));
        }

        if (!(OrganisationSkew >= 0 && OrganisationSkew <= 5))
        {
            violations.Add(Invariant($"--organisation-skew must be from 0 (all organisations equal) to 5; it is {OrganisationSkew}."));
        }

        return violations;
    }

    private static void CheckShare(List<string> violations, string option, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            violations.Add(Invariant($"{option} must be a share from 0 to 1; it is {value}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
