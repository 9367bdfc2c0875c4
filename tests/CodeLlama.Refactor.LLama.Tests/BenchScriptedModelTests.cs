using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Testing.Models;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>
/// The bench with a real model behind the real repair source: a tiny GGUF that llama.cpp runs, scripted to write the
/// original code of the mutant's gap, so that pass@1 of the model is known in advance.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class BenchScriptedModelTests
{
    [Fact]
    public async Task Gguf_model_scripted_with_the_original_code_repairs_a_misspelled_name_at_pass_at_1_of_a_hundred_percent()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Pricing.cs"] = BenchSamples.Multiply }, new Dictionary<string, string> { ["PricingTests.cs"] = BenchSamples.MultiplyTests });
        var path = SolutionPath.Resolve(solution.Directory);
        var plan = new MutantPlan(1, [MutantKind.MisspelledName], Seed: 3);

        // The same seed places the same mutant in the bench below, so its original middle is the right answer.
        FimPieces pieces;
        using (var loaded = await WorkspaceLoader.LoadAsync(path))
        {
            var mutant = Assert.Single(await MutantGenerator.GenerateAsync(loaded, plan));
            pieces = Assert.IsType<FimPieces>(mutant.Pieces);
        }

        // Outside the solution, which the bench copies.
        var folder = Directory.CreateTempSubdirectory("clr-bench-model-").FullName;
        BenchResult result;
        try
        {
            using var model = LlamaInfillModel.Load(new LlamaModelOptions(TestModels.WriteScripted(Path.Combine(folder, "repair.gguf"), pieces.Middle)) { ContextSize = 2048 });
            var options = new BenchOptions(plan, new FixOptions(Tests: TestMode.Affected), [new ModelRepairSource(model, candidates: 1)], Candidates: 1, MeasureFixRun: false);
            result = await BenchRunner.RunAsync(path, options);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var run = Assert.Single(result.Runs);
        Assert.Equal(MutantKind.MisspelledName, run.Mutant.Kind);
        Assert.True(run.Mutant.ReachingTests > 0, "the test does not reach the mutant");
        Assert.Equal(SampleVerdict.Exact, Assert.Single(run.Samples).Verdict);
        var score = Assert.Single(BenchSummary.Of(result).Models);
        Assert.Equal(1, score.Mutants);
        Assert.Equal(1.0, score.PassAt1Rate);
    }
}
