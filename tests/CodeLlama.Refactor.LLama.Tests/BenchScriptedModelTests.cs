using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Testing.Models;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>
/// The bench with a real model behind the real repair source: a tiny GGUF that llama.cpp runs, scripted to write a
/// chosen text for the mutant's gap (its original code, or a change of it that compiles but computes something else),
/// so that pass@1 of the model is known in advance.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class BenchScriptedModelTests
{
    private static readonly MutantPlan Plan = new(1, [MutantKind.MisspelledName], Seed: 3);

    [Fact]
    public async Task Gguf_model_scripted_with_the_original_code_repairs_a_misspelled_name_at_pass_at_1_of_a_hundred_percent()
    {
        var (result, _) = await RunAsync(middle => middle);

        var run = Assert.Single(result.Runs);
        Assert.Equal(MutantKind.MisspelledName, run.Mutant.Kind);
        Assert.True(run.Mutant.ReachingTests > 0, "the test does not reach the mutant");
        Assert.Equal(SampleVerdict.Exact, Assert.Single(run.Samples).Verdict);
        var score = Assert.Single(BenchSummary.Of(result).Models);
        Assert.Equal(1, score.Mutants);
        Assert.Equal(1.0, score.PassAt1Rate);
    }

    [Fact]
    public async Task Gguf_model_scripted_with_a_repair_that_compiles_but_adds_scores_zero_and_nothing_of_it_is_written()
    {
        // price + quantity compiles where price * quantity did, and the test that reaches the statement tells them apart (2 + 3 is not 6).
        var (result, pieces) = await RunAsync(middle => middle.Replace("price * quantity", "price + quantity", StringComparison.Ordinal));

        Assert.Contains("price * quantity", pieces.Middle, StringComparison.Ordinal);
        var run = Assert.Single(result.Runs);
        Assert.True(run.Mutant.ReachingTests > 0, "the test does not reach the mutant");
        Assert.Equal(SampleVerdict.FailsTests, Assert.Single(run.Samples).Verdict);
        var score = Assert.Single(BenchSummary.Of(result).Models);
        Assert.Equal((1, 0, 0, 0), (score.Mutants, score.PassAt1, score.PassAtK, score.Written));
        Assert.NotEqual(BenchOutcome.Wrong, run.Outcome);
        Assert.False(run.Source?.StartsWith("model:", StringComparison.Ordinal), $"the model's repair was written: {run.Title}");
    }

    // Runs the bench on the one-statement library with a GGUF scripted to answer answer(the mutant's original middle).
    private static async Task<(BenchResult Result, FimPieces Pieces)> RunAsync(Func<string, string> answer)
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = BenchSamples.Multiply }, new Dictionary<string, string> { ["PricingTests.cs"] = BenchSamples.MultiplyTests });
        var path = SolutionPath.Resolve(solution.Directory);

        // The same seed places the same mutant in the bench below, so its original middle is the right answer.
        FimPieces pieces;
        using (var loaded = await WorkspaceLoader.LoadAsync(path))
        {
            var mutant = Assert.Single(await MutantGenerator.GenerateAsync(loaded, Plan));
            pieces = Assert.IsType<FimPieces>(mutant.Pieces);
        }

        // Outside the solution, which the bench copies.
        var folder = Directory.CreateTempSubdirectory("clr-bench-model-").FullName;
        try
        {
            using var model = LlamaInfillModel.Load(new LlamaModelOptions(TestModels.WriteScripted(Path.Combine(folder, "repair.gguf"), answer(pieces.Middle))) { ContextSize = 2048 });
            var options = new BenchOptions(Plan, new FixOptions(Tests: TestMode.Affected), [new ModelRepairSource(model, candidates: 1)], Candidates: 1, MeasureFixRun: false);
            return (await BenchRunner.RunAsync(path, options), pieces);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
