using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using CareCoordination.Sdk.Bench.Running;

namespace CareCoordination.Sdk.Bench.Reporting;

/// <summary>
/// Writes a result as report.md (with the charts beside it as SVG files) and as report.html, one self-contained file
/// with the charts inline. Both hold the same blocks, in the same order, ending with the verdict.
/// </summary>
internal static class ReportWriter
{
    /// <summary>Multisignaal 2023: client matches and family matches per signal, to compare with the run.</summary>
    public const double PublishedClientMatchesPerSignal = 114_000.0 / 168_000;
    public const double PublishedFamilyMatchesPerSignal = 200_000.0 / 168_000;

    public static void Write(BenchResult result, string folder)
    {
        var blocks = Blocks(result);
        var markdown = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reference index benchmark</title><style>")
            .Append("body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}")
            .Append("pre{background:#f4f4f4;padding:8px;overflow-x:auto}.verdict{font-size:1.1em;border-left:4px solid #2ca02c;padding-left:12px}</style></head><body>");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    markdown.Append(new string('#', h.Level)).Append(' ').AppendLine(h.Text).AppendLine();
                    html.Append(CultureInfo.InvariantCulture, $"<h{h.Level}>{E(h.Text)}</h{h.Level}>");
                    break;
                case Paragraph p:
                    markdown.AppendLine(p.Text).AppendLine();
                    html.Append(CultureInfo.InvariantCulture, $"<p{(p.Verdict ? " class=\"verdict\"" : string.Empty)}>{E(p.Text)}</p>");
                    break;
                case Code c:
                    markdown.AppendLine("```").AppendLine(c.Text).AppendLine("```").AppendLine();
                    html.Append(CultureInfo.InvariantCulture, $"<pre>{E(c.Text)}</pre>");
                    break;
                case Table t:
                    markdown.Append("| ").Append(string.Join(" | ", t.Header)).AppendLine(" |");
                    markdown.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", t.Header.Count - 1))).AppendLine("|");
                    html.Append("<table><tr>").Append(string.Concat(t.Header.Select(h => $"<th>{E(h)}</th>"))).Append("</tr>");
                    foreach (var row in t.Rows)
                    {
                        markdown.Append("| ").Append(string.Join(" | ", row)).AppendLine(" |");
                        html.Append("<tr>").Append(string.Concat(row.Select(v => $"<td>{E(v)}</td>"))).Append("</tr>");
                    }

                    markdown.AppendLine();
                    html.Append("</table>");
                    break;
                case Chart ch:
                    File.WriteAllText(Path.Combine(folder, ch.File), ch.Svg);
                    markdown.Append(CultureInfo.InvariantCulture, $"![{ch.File}]({ch.File})").AppendLine().AppendLine();
                    html.Append("<div>").Append(ch.Svg).Append("</div>");
                    break;
            }
        }

        html.Append("</body></html>");
        File.WriteAllText(Path.Combine(folder, "report.md"), markdown.ToString());
        File.WriteAllText(Path.Combine(folder, "report.html"), html.ToString());
    }

    private static List<object> Blocks(BenchResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var first = r.Runs[0];
        var verdict = Verdict.Of(r);
        var blocks = new List<object>
        {
            new Heading(1, "Reference index benchmark"),
            new Paragraph(string.Create(c, $"**Workload:** {r.Workload}; {r.Registrations:N0} registrations over {r.Years:0.##} simulated year(s) from {r.StartDate}. **Target:** {r.Target}.")),
            new Paragraph("**Machine:** " + r.Machine),
            new Paragraph("**Rerun with:**"),
            new Code(r.Command),
        };
        if (r.SkippedLines.Count > 0)
        {
            blocks.Add(new Paragraph(string.Create(c, $"**Skipped CSV lines ({r.SkippedLines.Count}):** {string.Join("; ", r.SkippedLines.Take(20))}{(r.SkippedLines.Count > 20 ? "; …" : string.Empty)}")));
        }

        blocks.Add(new Heading(2, "Throughput and latency"));
        blocks.Add(new Table(
            ["clients", "registrations / s", "p50 µs", "p95 µs", "p99 µs", "registering (s)", "daily jobs (s)"],
            r.Runs.Select(run => (IReadOnlyList<string>)[
                run.Clients.ToString(c), run.Throughput.ToString("N0", c), M(run.Latencies[0].P50), M(run.Latencies[0].P95), M(run.Latencies[0].P99),
                run.RegistrationSeconds.ToString("0.##", c), run.ExpirySeconds.ToString("0.##", c)]).ToList()));
        blocks.Add(new Paragraph(string.Create(c, $"Latency per operation with {first.Clients} client(s) (each operation timed alone with a Stopwatch; the simulated time comes from a fake clock):")));
        blocks.Add(new Table(
            ["operation", "count", "mean µs", "p50 µs", "p95 µs", "p99 µs", "max µs"],
            first.Latencies.Select(l => (IReadOnlyList<string>)[l.Operation, l.Count.ToString("N0", c), M(l.MeanMicroseconds), M(l.P50), M(l.P95), M(l.P99), M(l.Max)]).ToList()));
        blocks.Add(new Chart("latency.svg", SvgChart.Lines(
            string.Create(c, $"Registration latency over the run ({first.Clients} client(s))"),
            "simulated day",
            "µs (log scale)",
            [
                new SvgChart.Series("p50", first.LatencyOverRun.Select(p => ((double)p.Day, p.P50)).ToList()),
                new SvgChart.Series("p95", first.LatencyOverRun.Select(p => ((double)p.Day, p.P95)).ToList()),
                new SvgChart.Series("p99", first.LatencyOverRun.Select(p => ((double)p.Day, p.P99)).ToList()),
            ],
            logY: true)));
        blocks.Add(new Chart("throughput.svg", SvgChart.Bars(
            "Throughput by client count", "clients", "registrations per second",
            r.Runs.Select(run => (run.Clients.ToString(c), run.Throughput)).ToList())));

        blocks.Add(new Heading(2, "What the index did"));
        blocks.Add(new Table(
            ["clients", "registered", "renewed", "refused", "client matches", "family matches", "archived matches", "family updates", "to archive", "removed at 23", "deleted from archive", "active at end", "archived at end"],
            r.Runs.Select(run => (IReadOnlyList<string>)[
                run.Clients.ToString(c), N(run.Registered), N(run.Renewed), N(run.Refused.Values.Sum()), N(run.SameYouthMatches), N(run.FamilyMatches), N(run.ArchivedMatches),
                N(run.FamilyUpdates), N(run.ExpiredToArchive), N(run.RemovedAtAgeLimit), N(run.DeletedFromArchive), N(run.ActiveAtEnd), N(run.ArchivedAtEnd)]).ToList()));
        if (first.Refused.Count > 0)
        {
            blocks.Add(new Paragraph("Refused, by the index's reason: " + string.Join(", ", first.Refused.Select(p => string.Create(c, $"{p.Key} {p.Value:N0}"))) + "."));
        }

        var identical = r.Runs.All(run => run.SameYouthMatches == first.SameYouthMatches && run.FamilyMatches == first.FamilyMatches && run.ArchivedMatches == first.ArchivedMatches);
        if (r.Runs.Count > 1)
        {
            blocks.Add(new Paragraph(identical
                ? "Every client count found the same matches: a youth's and a family's registrations go to one client, in order."
                : "**The client counts found different matches**; the index should not depend on the number of clients. Please report this."));
        }

        blocks.Add(new Paragraph(string.Create(c, $"Per simulated year, against Multisignaal's published 2023 ratios ({PublishedClientMatchesPerSignal:0.##} client and {PublishedFamilyMatchesPerSignal:0.##} family matches per signal):")));
        blocks.Add(new Table(
            ["year", "registrations", "client matches", "per registration", "family matches", "per registration", "archived matches"],
            first.Years.Select(y => (IReadOnlyList<string>)[
                y.Year.ToString(c), N(y.Registrations), N(y.ClientMatches), Ratio(y.ClientMatches, y.Registrations), N(y.FamilyMatches), Ratio(y.FamilyMatches, y.Registrations), N(y.ArchivedMatches)]).ToList()));

        blocks.Add(new Heading(2, "Memory, disk and rebuild"));
        blocks.Add(new Table(
            ["clients", "index heap", "peak working set", "store on disk", "rebuild from store", "rebuilt index equal"],
            r.Runs.Select(run => (IReadOnlyList<string>)[
                run.Clients.ToString(c), Verdict.Bytes(run.IndexHeapBytes), Verdict.Bytes(run.PeakWorkingSetBytes),
                run.StoreBytes is { } s ? Verdict.Bytes(s) : "n/a (in memory)",
                run.RebuildSeconds is { } rb ? rb.ToString("0.### s", c) : "n/a (in memory)",
                run.RebuildMatches is { } eq ? (eq ? "yes" : "NO") : "n/a"]).ToList()));
        var sizes = r.Compared.Append(new SizePoint("this run", r.Youths, first.IndexHeapBytes, first.PeakWorkingSetBytes, first.StoreBytes)).OrderBy(p => p.Youths).ToList();
        var series = new List<SvgChart.Series>
        {
            new("index heap", sizes.Select(p => ((double)p.Youths, p.IndexHeapBytes / 1048576.0)).ToList()),
            new("peak working set", sizes.Select(p => ((double)p.Youths, p.PeakWorkingSetBytes / 1048576.0)).ToList()),
        };
        if (sizes.Any(p => p.StoreBytes is not null))
        {
            series.Add(new("store on disk", sizes.Where(p => p.StoreBytes is not null).Select(p => ((double)p.Youths, p.StoreBytes!.Value / 1048576.0)).ToList()));
        }

        blocks.Add(new Chart("size.svg", SvgChart.Lines("Memory and disk against region size", "youths in the region (log scale)", "MiB (log scale)", series, logX: true, logY: true, markers: true)));
        if (r.Compared.Count > 0)
        {
            blocks.Add(new Paragraph("Compared runs: " + string.Join("; ", r.Compared.Select(p => p.Label)) + "."));
        }

        blocks.Add(new Heading(2, "Verdict"));
        blocks.Add(new Paragraph(verdict.Sentence(r), Verdict: true));
        blocks.Add(new Paragraph(string.Create(c, $"How the verdict reckons: the workload's {verdict.RegistrationsPerYear:N0} registrations a year arrive on {Verdict.WorkingDays} working days of {Verdict.WorkingHours} hours, and the busiest hour brings {Verdict.BusiestHourFactor:0} times the average working hour; capacity is the best measured throughput. Memory is the process's peak working set, the generated workload included.")));
        return blocks;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string M(double micro) => micro.ToString(micro < 10 ? "0.00" : micro < 1000 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    private static string Ratio(long part, long whole) => whole == 0 ? "–" : ((double)part / whole).ToString("0.00", CultureInfo.InvariantCulture);

    private static string E(string text)
    {
        // The few Markdown marks the report uses, shown as emphasis in the HTML too.
        var encoded = WebUtility.HtmlEncode(text);
        var parts = encoded.Split("**");
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            html.Append(i % 2 == 1 ? "<strong>" + parts[i] + "</strong>" : parts[i]);
        }

        return html.ToString();
    }

    private sealed record Heading(int Level, string Text);

    private sealed record Paragraph(string Text, bool Verdict = false);

    private sealed record Code(string Text);

    private sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    private sealed record Chart(string File, string Svg);
}
