using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CareCoordination.Sdk.Identity;
using NodaTime;

namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>
/// Reads and writes the CSV export the benchmark replays: <c>bsn,familyId,orgId,day</c>, one registration a line,
/// <c>day</c> counted from the start of the export. An optional header line is allowed; blank lines are ignored.
/// Every other line is checked; a bad line is reported with its number and either stops the replay or is left out.
/// </summary>
internal static class CsvWorkload
{
    public const string Header = "bsn,familyId,orgId,day";

    /// <summary>The latest day a line may name: a hundred years of replay is more than any export holds.</summary>
    public const int MaxDay = 36_524;

    public static Workload Read(string path, BadLinePolicy policy, LocalDate start, ICollection<CsvProblem> problems)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), policy, start, problems);
    }

    public static Workload Read(TextReader reader, string name, BadLinePolicy policy, LocalDate start, ICollection<CsvProblem> problems)
    {
        var rows = new List<(int Bsn, int Family, int Organisation, int Day)>();
        var familyOf = new Dictionary<int, (int Family, int Line)>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && line.Trim().Equals(Header, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var problem = Check(line, out var row);
            if (problem is null && familyOf.TryGetValue(row.Bsn, out var known) && known.Family != row.Family)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"this youth has family {row.Family}, but line {known.Line} gave the same youth family {known.Family}; a youth belongs to one family in the export.");
            }

            if (problem is not null)
            {
                var found = new CsvProblem(lineNumber, problem);
                problems.Add(found);
                if (policy == BadLinePolicy.Stop)
                {
                    throw new CsvReplayException($"{name}, {found} (nothing was replayed; pass --on-bad-line skip to leave bad lines out).");
                }

                continue;
            }

            familyOf.TryAdd(row.Bsn, (row.Family, lineNumber));
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new CsvReplayException($"{name} holds no registration to replay (expected lines of {Header}).");
        }

        // Exports are not always sorted; replay them in day order, and in file order within a day.
        var order = new int[rows.Count];
        var days = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            days[i] = rows[i].Day;
        }

        Array.Sort(days, order);
        var sortedBsn = new int[rows.Count];
        var sortedFamily = new int[rows.Count];
        var sortedOrganisation = new int[rows.Count];
        StableTies(days, order);
        for (var i = 0; i < order.Length; i++)
        {
            var row = rows[order[i]];
            (sortedBsn[i], sortedFamily[i], sortedOrganisation[i]) = (row.Bsn, row.Family, row.Organisation);
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"replay of {name}: {rows.Count:N0} registrations on {familyOf.Count:N0} youths");
        return new Workload(description, start, days[^1] + 1, familyOf.Count, sortedBsn, sortedFamily, sortedOrganisation, days);
    }

    /// <summary>Writes a workload as a CSV export with a header; the result replays to the same registrations.</summary>
    public static void Write(Workload workload, TextWriter writer)
    {
        writer.WriteLine(Header);
        for (var i = 0; i < workload.Count; i++)
        {
            writer.Write(workload.BsnNumbers[i].ToString("D9", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(workload.Families[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(workload.Organisations[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine(workload.DayNumbers[i].ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Array.Sort is not stable: put each run of equal days back in file order.</summary>
    private static void StableTies(int[] days, int[] order)
    {
        for (var from = 0; from < days.Length;)
        {
            var to = from + 1;
            while (to < days.Length && days[to] == days[from])
            {
                to++;
            }

            Array.Sort(order, from, to - from);
            from = to;
        }
    }

    private static string? Check(string line, out (int Bsn, int Family, int Organisation, int Day) row)
    {
        row = default;
        var fields = line.Split(',');
        if (fields.Length != 4)
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected 4 fields ({Header}), found {fields.Length}.");
        }

        var bsnText = fields[0].Trim();
        if (!Bsn.TryParse(bsnText, out var bsn))
        {
            return "the BSN is not valid: " + WhyNotValid(bsnText);
        }

        var familyText = fields[1].Trim();
        var family = 0;
        if (familyText.Length > 0 && (!int.TryParse(familyText, NumberStyles.None, CultureInfo.InvariantCulture, out family)))
        {
            return "familyId must be empty, 0 (no family) or a whole number from 1 to 2147483647.";
        }

        if (!int.TryParse(fields[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var organisation) || organisation < 1)
        {
            return "orgId must be a whole number from 1 to 2147483647.";
        }

        if (!int.TryParse(fields[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day > MaxDay)
        {
            return string.Create(CultureInfo.InvariantCulture, $"day must be a whole number of days since the start, from 0 to {MaxDay}.");
        }

        row = (bsn.RevealNumber(), family, organisation, day);
        return null;
    }

    // The SDK's exception names the reason with a masked number; the benchmark names only the reason.
    private static string WhyNotValid(string text)
    {
        try
        {
            Bsn.Parse(text);
            return "it could not be read.";
        }
        catch (InvalidBsnException e)
        {
            return e.Reason switch
            {
                InvalidBsnReason.WrongLength => "it must have 9 digits (or 8 of an old number).",
                InvalidBsnReason.NotDigits => "it may hold digits only.",
                InvalidBsnReason.FailsElevenTest => "it fails the elfproef (eleven test).",
                _ => "it could not be read.",
            };
        }
    }
}
