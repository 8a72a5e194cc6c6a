using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>A region to replay: how many youths live in it and about how many registrations five years bring.</summary>
public sealed class RegionSize(int youths, int registrations)
{
    /// <summary>
    /// Limits a run to some sizes, e.g. <c>1M/2M</c> or <c>1M/2M,4M/2M</c>: BenchmarkDotNet filters methods, not
    /// parameters, and the largest size takes long.
    /// </summary>
    public const string SizesVariable = "CARECOORDINATION_REPLAY_SIZES";

    /// <summary>The sizes issue 17 asks for.</summary>
    private static readonly RegionSize[] Issue17 = [new(1_000_000, 2_000_000), new(4_000_000, 2_000_000), new(5_000_000, 10_000_000)];

    public int Youths { get; } = youths;

    public int Registrations { get; } = registrations;

    /// <summary>The sizes to run: all of issue 17's, or those <see cref="SizesVariable"/> names.</summary>
    public static IEnumerable<RegionSize> Selected()
    {
        var wanted = Environment.GetEnvironmentVariable(SizesVariable);
        if (string.IsNullOrWhiteSpace(wanted))
        {
            return Issue17;
        }

        var names = wanted.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var selected = Issue17.Where(s => names.Contains(s.ToString(), StringComparer.OrdinalIgnoreCase)).ToArray();
        return selected.Length > 0
            ? selected
            : throw new ArgumentException($"{SizesVariable}='{wanted}' names none of {string.Join(", ", Issue17.Select(s => s.ToString()))}.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Millions(Youths)}/{Millions(Registrations)}");

    private static string Millions(int n) => n % 1_000_000 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{n / 1_000_000}M")
        : string.Create(CultureInfo.InvariantCulture, $"{n / 1_000}k");
}
