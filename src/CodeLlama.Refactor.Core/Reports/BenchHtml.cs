using System.Globalization;
using System.Net;
using CodeLlama.Refactor.Bench;

namespace CodeLlama.Refactor.Reports;

/// <summary>
/// The bench report as one self-contained HTML page (no script, no external file): a bar chart per kind drawn as SVG,
/// the outcome table, the sources and each mutant.
/// </summary>
public static class BenchHtml
{
    // Outcome colours, the same in every chart and in the legend.
    private static readonly (string Name, string Colour)[] Outcomes =
        [("exact", "#2e7d32"), ("passes", "#1565c0"), ("left", "#9e9e9e"), ("wrong", "#c62828")];

    private const int ChartWidth = 220;
    private const int ChartHeight = 140;
    private const int BarArea = 100;

    /// <summary>Writes the page.</summary>
    /// <param name="result">The bench result.</param>
    /// <param name="writer">Where the page goes.</param>
    public static void Write(BenchResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var summary = BenchSummary.Of(result);
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>codellama-refactor bench</title>");
        writer.WriteLine("<style>body{font-family:sans-serif;margin:24px;background:#ffffff;color:#212121}"
            + "table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #bdbdbd;padding:4px 8px;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:12px}"
            + ".chart{border:1px solid #e0e0e0;padding:6px}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px}</style>");
        writer.WriteLine("</head><body>");
        writer.WriteLine($"<h1>bench: {Encode(result.RootDirectory)}</h1>");
        writer.WriteLine($"<p>{result.Runs.Count} of {result.Mutants} mutant(s), seed {result.Plan.Seed}, "
            + $"{Percent(summary.All.RepairRate, summary.All.Mutants)} repaired, {summary.All.Wrong} wrong, {Seconds(result.Total)} in all"
            + (result is { FixRun: { } fixRun, FixRuns: { } fixRuns }
                ? $"; one fix run: {Seconds(fixRun)}, {result.Runs.Count} × a fix run = {Seconds(fixRuns)}"
                    + (result.CostInFixRuns is { } ratio ? $" (the bench took {BenchReport.Times(ratio)} that)" : "")
                : "")
            + (result.Interrupted ? ". <strong>Interrupted: partial report.</strong>" : ".") + "</p>");
        writer.WriteLine("<p class=\"legend\">" + string.Concat(Outcomes.Select(outcome => $"<span style=\"background:{outcome.Colour}\"></span>{outcome.Name}")) + "</p>");
        writer.WriteLine("<div class=\"charts\">");
        foreach (var row in summary.ByKind)
        {
            writer.WriteLine($"<div class=\"chart\">{Chart(row)}</div>");
        }

        writer.WriteLine("</div>");
        WriteTable(writer, "By kind", summary.ByKind.Append(summary.All));
        WriteTable(writer, "By the source that wrote the fix", summary.BySource);
        if (summary.Models.Count > 0)
        {
            writer.WriteLine("<h2>Model candidates, each judged on its own</h2><table><tr><th>source</th><th>mutants</th><th>pass@1</th><th>pass@k</th><th>k</th><th>written</th></tr>");
            foreach (var model in summary.Models)
            {
                writer.WriteLine($"<tr><td>{Encode(model.Source)}</td><td>{model.Mutants}</td><td>{Percent(model.PassAt1Rate, model.Mutants)}</td>"
                    + $"<td>{Percent(model.PassAtKRate, model.Mutants)}</td><td>{model.K}</td><td>{model.Written}</td></tr>");
            }

            writer.WriteLine("</table>");
        }

        writer.WriteLine("<h2>Mutants</h2><table><tr><th>#</th><th>kind</th><th>where</th><th>what</th><th>outcome</th><th>by / why</th><th>s</th></tr>");
        foreach (var run in result.Runs)
        {
            var by = run.Repaired || run.Outcome == BenchOutcome.Wrong ? $"{run.Source}: {run.Title}" : BenchReport.Why(run);
            writer.WriteLine($"<tr><td>{run.Mutant.Number}</td><td>{run.Mutant.Kind.Name()}</td><td>{Encode($"{run.Mutant.FilePath}({run.Mutant.Error.Line}) {run.Mutant.Error.Id}")}</td>"
                + $"<td>{Encode(run.Mutant.Description)}</td><td>{run.Outcome.ToString().ToLowerInvariant()}</td><td>{Encode(by ?? "")}</td><td>{run.Time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}</td></tr>");
        }

        writer.WriteLine("</table></body></html>");
    }

    // Four bars (exact, passes, left, wrong), their heights a share of the kind's mutants.
    private static string Chart(OutcomeCounts row)
    {
        int[] counts = [row.Exact, row.Passes, row.Left, row.Wrong];
        var bars = string.Concat(counts.Select((count, index) =>
        {
            var height = row.Mutants == 0 ? 0 : (int)Math.Round((double)BarArea * count / row.Mutants);
            var x = 20 + (index * 48);
            var y = 20 + BarArea - height;
            return $"<rect x=\"{x}\" y=\"{y}\" width=\"36\" height=\"{height}\" fill=\"{Outcomes[index].Colour}\"><title>{Outcomes[index].Name}: {count}</title></rect>"
                + $"<text x=\"{x + 18}\" y=\"{y - 3}\" font-size=\"11\" text-anchor=\"middle\">{count}</text>";
        }));
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" role=\"img\" aria-label=\"{row.Name}\">"
            + $"<line x1=\"14\" y1=\"{20 + BarArea}\" x2=\"{ChartWidth - 6}\" y2=\"{20 + BarArea}\" stroke=\"#616161\"/>{bars}"
            + $"<text x=\"{ChartWidth / 2}\" y=\"{ChartHeight - 4}\" font-size=\"12\" text-anchor=\"middle\">{Encode(row.Name)} ({row.Mutants})</text></svg>";
    }

    private static void WriteTable(TextWriter writer, string title, IEnumerable<OutcomeCounts> rows)
    {
        writer.WriteLine($"<h2>{Encode(title)}</h2><table><tr><th>name</th><th>mutants</th><th>exact</th><th>passes</th><th>left</th><th>wrong</th><th>repaired</th><th>s/mutant</th></tr>");
        foreach (var row in rows)
        {
            writer.WriteLine($"<tr><td>{Encode(row.Name)}</td><td>{row.Mutants}</td><td>{row.Exact}</td><td>{row.Passes}</td><td>{row.Left}</td><td>{row.Wrong}</td>"
                + $"<td>{Percent(row.RepairRate, row.Mutants)}</td><td>{row.MeanTime.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}</td></tr>");
        }

        writer.WriteLine("</table>");
    }

    private static string Percent(double rate, int count) => BenchReport.Percent(rate, count);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
