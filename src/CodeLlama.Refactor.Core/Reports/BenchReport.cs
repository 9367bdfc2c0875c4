using System.Globalization;
using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Pipelines;

namespace CodeLlama.Refactor.Reports;

/// <summary>How a bench report is written.</summary>
public enum BenchFormat
{
    /// <summary>Tables for the terminal.</summary>
    Text,

    /// <summary>JSON for CI trend lines.</summary>
    Json,

    /// <summary>A self-contained HTML page with a bar chart per kind, drawn as SVG.</summary>
    Html,
}

/// <summary>Turns a <see cref="BenchResult"/> into words: the text tables and the JSON report (<see cref="BenchHtml"/> writes the page).</summary>
public static class BenchReport
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>.</summary>
    /// <param name="result">The bench result.</param>
    /// <param name="format">Text, JSON or HTML.</param>
    /// <param name="writer">Where the report goes.</param>
    public static void Write(BenchResult result, BenchFormat format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case BenchFormat.Html:
                BenchHtml.Write(result, writer);
                break;
            case BenchFormat.Json:
                ReportWriter.Write(new ReportSettings(ReportFormat.Json), writer, result.RootDirectory, "bench", () => Json(result), () => [], _ => { });
                break;
            default:
                WriteText(result, writer);
                break;
        }
    }

    /// <summary>The per-kind table, the same for the same mutants and outcomes (no times): what a seed reproduces.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="writer">Where the table goes.</param>
    public static void WriteKindTable(BenchSummary summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"| {"kind",-18} | mutants | exact | passes | left | wrong | repaired |");
        writer.WriteLine($"|{new string('-', 20)}|---------|-------|--------|------|-------|----------|");
        foreach (var row in summary.ByKind.Append(summary.All))
        {
            writer.WriteLine($"| {row.Name,-18} | {row.Mutants,7} | {row.Exact,5} | {row.Passes,6} | {row.Left,4} | {row.Wrong,5} | {Percent(row.RepairRate, row.Mutants),8} |");
        }
    }

    /// <summary>What a reason for leaving a mutant says, in words.</summary>
    /// <param name="run">A mutant's run.</param>
    /// <returns>The words, or null for a repaired mutant.</returns>
    public static string? Why(MutantRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Fault switch
        {
            BenchFault.BuildWorse => "written, and the build has more errors than before",
            BenchFault.TestsFail => "written, and the tests of the changed project fail",
            BenchFault.ErrorsRemain => "a fix was written, but errors remain",
            _ => run.LeftReason switch
            {
                null => null,
                ReasonKind.NoCandidate => "no source offered a candidate",
                ReasonKind.Rejected => "every candidate was rejected before the tests",
                ReasonKind.Ambiguous => "several candidates compiled and nothing could choose",
                ReasonKind.UntestedGuess => "only guesses, and no test reaches the member",
                ReasonKind.FailedTests => "every candidate failed the tests that reach it",
                ReasonKind.TestsBlocked => "errors left where its tests build",
                ReasonKind.NoSandbox => "model code is not tested without a sandbox",
                ReasonKind.TestsDidNotRun => "the tests did not run to the end",
                ReasonKind.TestBudgetSpent => "the test runs ran out",
                ReasonKind.NotOnDisk => "verified, but the file as written still has the error",
                var other => other.ToString(),
            },
        };
    }

    private static void WriteText(BenchResult result, TextWriter writer)
    {
        var summary = BenchSummary.Of(result);
        writer.WriteLine($"bench: {result.Runs.Count} of {result.Mutants} mutant(s) repaired by the engine (seed {result.Plan.Seed}, {result.Plan.Count} planned) in {result.RootDirectory}");
        foreach (var run in result.Runs)
        {
            var what = run.Repaired || run.Outcome == BenchOutcome.Wrong ? $"{run.Source ?? "?"}: {run.Title}" : Why(run);
            writer.WriteLine($"  {run.Mutant.Number,3} {run.Outcome.ToString().ToLowerInvariant(),-6} {run.Mutant.Kind.Name(),-18} {run.Mutant.FilePath}({run.Mutant.Error.Line}) {run.Mutant.Error.Id} · {run.Mutant.Description} → {what} [{Seconds(run.Time)}]");
        }

        writer.WriteLine();
        WriteKindTable(summary, writer);
        writer.WriteLine();
        writer.WriteLine($"| {"written by",-18} | mutants | exact | passes | wrong | s/mutant |");
        writer.WriteLine($"|{new string('-', 20)}|---------|-------|--------|-------|----------|");
        foreach (var row in summary.BySource)
        {
            writer.WriteLine($"| {row.Name,-18} | {row.Mutants,7} | {row.Exact,5} | {row.Passes,6} | {row.Wrong,5} | {row.MeanTime.TotalSeconds,8:0.0} |");
        }

        if (summary.Models.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Model candidates, each judged on its own (gate, compile, tests of the changed project):");
            writer.WriteLine($"| {"source",-30} | mutants | pass@1 | pass@k | k | written |");
            writer.WriteLine($"|{new string('-', 32)}|---------|--------|--------|---|---------|");
            foreach (var model in summary.Models)
            {
                writer.WriteLine($"| {model.Source,-30} | {model.Mutants,7} | {Percent(model.PassAt1Rate, model.Mutants),6} | {Percent(model.PassAtKRate, model.Mutants),6} | {model.K} | {model.Written,7} |");
            }
        }

        writer.WriteLine();
        var perMutant = result.Runs.Count == 0 ? 0 : result.Runs.Average(run => run.Time.TotalSeconds);
        var cost = result is { FixRun: { } fixRun, FixRuns: { } fixRuns }
            ? $"; one fix run on the unchanged solution takes {Seconds(fixRun)}, so {result.Runs.Count} × a fix run = {Seconds(fixRuns)}"
                + (result.CostInFixRuns is { } ratio ? $", and the bench took {Times(ratio)} that" : "")
            : "";
        writer.WriteLine($"Time: {Seconds(result.Total)} in all, {perMutant:0.0} s per mutant{cost}.");
        if (result.Interrupted)
        {
            writer.WriteLine($"Interrupted after {result.Runs.Count} of {result.Mutants} mutant(s): this report is partial.");
        }
    }

    private static object Json(BenchResult result)
    {
        var summary = BenchSummary.Of(result);
        return new
        {
            root = result.RootDirectory,
            seed = result.Plan.Seed,
            kinds = result.Plan.Kinds.Select(kind => kind.Name()).ToList(),
            planned = result.Plan.Count,
            mutants = result.Mutants,
            done = result.Runs.Count,
            interrupted = result.Interrupted,
            candidates = result.Candidates,
            totalSeconds = Math.Round(result.Total.TotalSeconds, 2),
            fixRunSeconds = result.FixRun is { } fixRun ? Math.Round(fixRun.TotalSeconds, 2) : (double?)null,
            fixRunsSeconds = result.FixRuns is { } fixRuns ? Math.Round(fixRuns.TotalSeconds, 2) : (double?)null,
            costInFixRuns = result.CostInFixRuns is { } ratio ? Math.Round(ratio, 2) : (double?)null,
            byKind = summary.ByKind.Select(Counts).ToList(),
            bySource = summary.BySource.Select(Counts).ToList(),
            all = Counts(summary.All),
            models = summary.Models.Select(model => new
            {
                source = model.Source,
                mutants = model.Mutants,
                k = model.K,
                passAt1 = Math.Round(model.PassAt1Rate, 4),
                passAtK = Math.Round(model.PassAtKRate, 4),
                written = model.Written,
            }).ToList(),
            runs = result.Runs.Select(run => new
            {
                number = run.Mutant.Number,
                kind = run.Mutant.Kind.Name(),
                file = run.Mutant.FilePath.Replace(Path.DirectorySeparatorChar, '/'),
                line = run.Mutant.Error.Line,
                error = run.Mutant.Error.Id,
                description = run.Mutant.Description,
                reachingTests = run.Mutant.ReachingTests,
                outcome = run.Outcome.ToString().ToLowerInvariant(),
                source = run.Source,
                title = run.Title,
                group = run.Group?.Cause,
                reason = run.LeftReason?.ToString(),
                fault = run.Fault?.ToString(),
                reasonText = Why(run),
                testsVerified = run.TestsVerified,
                seconds = Math.Round(run.Time.TotalSeconds, 2),
                samples = run.Samples.Select(sample => new { source = sample.Source, index = sample.Index, verdict = sample.Verdict.ToString() }).ToList(),
            }).ToList(),
        };
    }

    private static object Counts(OutcomeCounts row) => new
    {
        name = row.Name,
        mutants = row.Mutants,
        exact = row.Exact,
        passes = row.Passes,
        left = row.Left,
        wrong = row.Wrong,
        repaired = Math.Round(row.RepairRate, 4),
        meanSeconds = Math.Round(row.MeanTime.TotalSeconds, 2),
    };

    internal static string Percent(double rate, int count) => count == 0 ? "-" : (rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    internal static string Times(double ratio) => ratio.ToString("0.0", CultureInfo.InvariantCulture) + " ×";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
