using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace CareCoordination.Sdk.Bench.Reporting;

/// <summary>Draws the report's charts as self-contained SVG: line charts (optionally logarithmic) and bar charts.</summary>
internal static class SvgChart
{
    private const int Width = 720;
    private const int Height = 320;
    private const int Left = 80;
    private const int Right = 150;
    private const int Top = 40;
    private const int Bottom = 50;
    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd"];

    /// <summary>A named series of (x, y) points.</summary>
    public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points);

    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<Series> series, bool logX = false, bool logY = false, bool markers = false)
    {
        var points = series.SelectMany(s => s.Points).Where(p => (!logX || p.X > 0) && (!logY || p.Y > 0)).ToList();
        if (points.Count == 0)
        {
            return Empty(title);
        }

        var (x0, x1) = Range(points.Select(p => p.X), logX, includeZero: false);
        var (y0, y1) = Range(points.Select(p => p.Y), logY, includeZero: !logY);
        var svg = Begin(title);
        Axes(svg, xLabel, yLabel, x0, x1, y0, y1, logX, logY);
        for (var i = 0; i < series.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var mapped = series[i].Points.Where(p => (!logX || p.X > 0) && (!logY || p.Y > 0))
                .Select(p => (X: Map(p.X, x0, x1, logX, Left, Width - Right), Y: Map(p.Y, y0, y1, logY, Height - Bottom, Top))).ToList();
            if (mapped.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', mapped.Select(p => F(p.X) + "," + F(p.Y)))}\"/>");
            }

            if (markers || mapped.Count == 1)
            {
                foreach (var p in mapped)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"4\" fill=\"{colour}\"/>");
                }
            }

            Legend(svg, i, series[i].Name, colour);
        }

        return End(svg);
    }

    public static string Bars(string title, string xLabel, string yLabel, IReadOnlyList<(string Label, double Value)> bars)
    {
        if (bars.Count == 0)
        {
            return Empty(title);
        }

        var (y0, y1) = Range(bars.Select(b => b.Value), log: false, includeZero: true);
        var svg = Begin(title);
        Axes(svg, xLabel, yLabel, 0, 1, y0, y1, logX: false, logY: false, xTicks: false);
        var slot = (double)(Width - Left - Right) / bars.Count;
        for (var i = 0; i < bars.Count; i++)
        {
            var top = Map(bars[i].Value, y0, y1, false, Height - Bottom, Top);
            var x = Left + (i * slot) + (slot * 0.2);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(top)}\" width=\"{F(slot * 0.6)}\" height=\"{F(Height - Bottom - top)}\" fill=\"{Colours[0]}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (slot * 0.3))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(bars[i].Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (slot * 0.3))}\" y=\"{F(top - 4)}\" text-anchor=\"middle\">{Escape(Number(bars[i].Value))}</text>");
        }

        return End(svg);
    }

    private static StringBuilder Begin(string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>");
        return svg;
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Empty(string title) => End(Begin(title).Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\">no data</text>"));

    private static void Axes(StringBuilder svg, string xLabel, string yLabel, double x0, double x1, double y0, double y1, bool logX, bool logY, bool xTicks = true)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        foreach (var tick in Ticks(y0, y1, logY))
        {
            var y = Map(tick, y0, y1, logY, Height - Bottom, Top);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{F(y)}\" x2=\"{Width - Right}\" y2=\"{F(y)}\" stroke=\"#ddd\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Escape(Number(tick))}</text>");
        }

        if (xTicks)
        {
            foreach (var tick in Ticks(x0, x1, logX))
            {
                var x = Map(tick, x0, x1, logX, Left, Width - Right);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(Number(tick))}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(16 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>");
    }

    private static void Legend(StringBuilder svg, int i, string name, string colour)
    {
        var y = Top + 10 + (i * 18);
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - Right + 12}\" y=\"{y - 8}\" width=\"12\" height=\"10\" fill=\"{colour}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 30}\" y=\"{y + 1}\">{Escape(name)}</text>");
    }

    private static (double Low, double High) Range(IEnumerable<double> values, bool log, bool includeZero)
    {
        var list = values.ToList();
        double low = list.Min(), high = list.Max();
        if (log)
        {
            low = Math.Pow(10, Math.Floor(Math.Log10(low)));
            high = Math.Pow(10, Math.Ceiling(Math.Log10(high)));
            return high <= low ? (low, low * 10) : (low, high);
        }

        if (includeZero)
        {
            low = Math.Min(0, low);
        }

        if (high <= low)
        {
            high = low + Math.Max(1, Math.Abs(low));
        }

        var step = NiceStep((high - low) / 5);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step);
    }

    private static IEnumerable<double> Ticks(double low, double high, bool log)
    {
        if (log)
        {
            for (var t = low; t <= high * 1.0001; t *= 10)
            {
                yield return t;
            }

            yield break;
        }

        var step = NiceStep((high - low) / 5);
        for (var t = low; t <= high + (step / 2); t += step)
        {
            yield return t;
        }
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static double Map(double value, double low, double high, bool log, double from, double to)
    {
        var share = log ? (Math.Log10(value) - Math.Log10(low)) / (Math.Log10(high) - Math.Log10(low)) : (value - low) / (high - low);
        return from + (share * (to - from));
    }

    private static string Number(double value) =>
        Math.Abs(value) >= 1_000_000 ? (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M"
        : Math.Abs(value) >= 10_000 ? (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : value.ToString(Math.Abs(value) < 10 && value != Math.Floor(value) ? "0.##" : "0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
