using System.Text.Json;
using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;
using Json.Schema;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>The bench end to end: real mutants, the real engine on each (loading, sources, gate, sandbox, tests), real reports.</summary>
[Trait("Category", "EndToEnd")]
public sealed class BenchRunnerTests
{
    // Kinds whose error sits in the statement that was changed, so that a repair of that statement is the original one.
    private static readonly MutantKind[] StatementKinds = [MutantKind.MisspelledName, MutantKind.TypeMismatch];

    private static readonly JsonSchema ExportSchema = JsonSchema.FromFile(Path.Combine(Samples.RepositoryRoot, "docs", "bench-export.schema.json"));

    [Fact]
    public async Task ModelThatWritesTheRightRepair_ScoresPassAt1OfAHundredPercent_ExportsVerifiedExamples_AndLeavesTheFilesAlone()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = BenchSamples.Multiply }, new Dictionary<string, string> { ["PricingTests.cs"] = BenchSamples.MultiplyTests });
        var before = TreeSnapshot.Take(solution.Directory);
        var model = new ScriptedRepairModel("right", [BenchSamples.Multiply], middle => middle);

        var result = await RunAsync(solution, model, TestMode.Affected);

        var score = Assert.Single(BenchSummary.Of(result).Models);
        Assert.Equal(2, score.Mutants);
        Assert.Equal(1.0, score.PassAt1Rate);
        Assert.Equal(1.0, score.PassAtKRate);
        Assert.All(result.Runs, run => Assert.Equal(BenchOutcome.Exact, run.Outcome));
        Assert.Equal("", TreeSnapshot.Difference(before, TreeSnapshot.Take(solution.Directory)));

        var lines = Export(result);
        Assert.NotEmpty(lines);
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        foreach (var line in lines)
        {
            var evaluation = ExportSchema.Evaluate(JsonDocument.Parse(line).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(evaluation.IsValid, line);
            var example = JsonSerializer.Deserialize<TrainingExample>(line)!;
            Assert.StartsWith(FimTextFormat.CodeLlama.Prefix, example.Prompt, StringComparison.Ordinal);
            Assert.Contains($"// error {example.Diagnostic}: ", example.Prefix, StringComparison.Ordinal);

            // In place: the prompt's comments stay, the middle fills the gap, and the project compiles without error.
            var document = loaded.Solution.Projects.SelectMany(project => project.Documents).Single(document => document.FilePath!.EndsWith(example.File, StringComparison.Ordinal));
            var filled = document.WithText(SourceText.From(example.Prefix + example.Middle + example.Suffix));
            Assert.Empty(await BuildErrors.OfProjectAsync(filled.Project, false, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ModelThatWritesAWrongRepairThatCompiles_ScoresZero_AndNothingWrongIsWritten()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = BenchSamples.Multiply }, new Dictionary<string, string> { ["PricingTests.cs"] = BenchSamples.MultiplyTests });
        var model = new ScriptedRepairModel("wrong", [BenchSamples.Multiply], middle => middle.Replace("price * quantity", "price + quantity", StringComparison.Ordinal));

        var result = await RunAsync(solution, model, TestMode.Affected);

        var score = Assert.Single(BenchSummary.Of(result).Models);
        Assert.Equal(2, score.Mutants);
        Assert.Equal(0, score.PassAt1);
        Assert.Equal(0, score.PassAtK);
        Assert.Equal(0, score.Written);
        Assert.Contains(result.Runs.SelectMany(run => run.Samples), sample => sample.Verdict == SampleVerdict.FailsTests);
        Assert.DoesNotContain(result.Runs, run => run.Outcome == BenchOutcome.Wrong);
    }

    [Fact]
    public async Task SameSeed_SameTable_RunTwice()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Pricing.cs"] = BenchCode.Pricing });
        MutantKind[] kinds = [MutantKind.Syntax, MutantKind.MisspelledName, MutantKind.DeletedReturn];
        var options = new BenchOptions(new MutantPlan(3, kinds, Seed: 11), new FixOptions(Tests: TestMode.None), [], MeasureFixRun: false);

        var first = await BenchRunner.RunAsync(SolutionPath.Resolve(solution.Directory), options);
        var second = await BenchRunner.RunAsync(SolutionPath.Resolve(solution.Directory), options);

        Assert.Equal(3, first.Runs.Count);
        Assert.Equal(Table(first), Table(second));
        Assert.Equal(
            first.Runs.Select(run => $"{run.Mutant.Description} {run.Outcome} {run.Source}"),
            second.Runs.Select(run => $"{run.Mutant.Description} {run.Outcome} {run.Source}"));
        Assert.Contains(first.Runs, run => run.Outcome == BenchOutcome.Exact);
    }

    private static async Task<BenchResult> RunAsync(TemporarySolution solution, IInfillModel model, TestMode tests)
    {
        var source = new ModelRepairSource(model, candidates: 1);
        var options = new BenchOptions(new MutantPlan(2, StatementKinds, Seed: 3), new FixOptions(Tests: tests), [source], Candidates: 1, MeasureFixRun: false);
        return await BenchRunner.RunAsync(SolutionPath.Resolve(solution.Directory), options);
    }

    private static string Table(BenchResult result)
    {
        using var writer = new StringWriter();
        BenchReport.WriteKindTable(BenchSummary.Of(result), writer);
        return writer.ToString();
    }

    private static IReadOnlyList<string> Export(BenchResult result)
    {
        using var writer = new StringWriter();
        TrainingExport.Write(TrainingExport.Examples(result, FimFamilyDescriptor.CodeLlama), writer);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
