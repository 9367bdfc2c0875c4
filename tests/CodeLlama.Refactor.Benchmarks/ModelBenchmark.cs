using System.Diagnostics;
using System.Text;
using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Testing.Models;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// The model engine on a generated random-weight GGUF of about 50M parameters, side by side in one run:
/// (a) prompt-prefix reuse while documenting a 30-member file (goal: at least 5× fewer prompt tokens evaluated than
/// building each prompt from scratch); (b) K = 4 candidates against K = 1 from the same prompt (goal: at most 1.6× the
/// wall time); (c) 4 files in flight in 4 slots against 1 (<see cref="SlotsBenchmark"/>). Prints tokens/s for prompt and
/// generation, and the process's peak memory.
/// </summary>
internal static class ModelBenchmark
{
    private const int Members = 30;

    public static async Task RunAsync(int repetitions)
    {
        var folder = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "model-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var modelPath = TestModels.WriteRandom(Path.Combine(folder, "bench.gguf"), TinyLlamaShape.Benchmark);
            Console.WriteLine($"Wrote {new FileInfo(modelPath).Length / 1e6:0} MB random-weight model in {stopwatch.Elapsed.TotalSeconds:0.0} s");

            await PrefixReuseAsync(modelPath, scratch: repetitions > 0);
            await CandidatesAsync(modelPath, Math.Max(1, repetitions));
            await SlotsBenchmark.RunAsync(modelPath);
            Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Documents one file of 30 members through the real doc pipeline, with and without keeping the prompt prefix.
    private static async Task PrefixReuseAsync(string modelPath, bool scratch)
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Members.cs"] = MembersFile(Members) });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        Console.WriteLine($"(a) prompt-prefix reuse, documenting {Members} members of one file (MaxNewTokens 8):");
        var reused = await DocumentAsync(loaded, modelPath, reuse: true);
        var total = reused.PromptTokensEvaluated + reused.PromptTokensReused;
        Console.WriteLine($"  with reuse:   {reused.PromptTokensEvaluated:N0} of {total:N0} prompt tokens evaluated, "
            + $"{reused.PromptTime.TotalSeconds + reused.GenerationTime.TotalSeconds:0.0} s in the model; "
            + $"prompt {reused.PromptTokensPerSecond:N0} tokens/s, generation {reused.GeneratedTokensPerSecond:N0} tokens/s");
        Console.WriteLine($"  from scratch would evaluate {total:N0}: {(double)total / reused.PromptTokensEvaluated:0.0}× fewer with reuse (goal >= 5×)");
        if (scratch)
        {
            var fresh = await DocumentAsync(loaded, modelPath, reuse: false);
            Console.WriteLine($"  from scratch: {fresh.PromptTokensEvaluated:N0} prompt tokens evaluated, "
                + $"{fresh.PromptTime.TotalSeconds + fresh.GenerationTime.TotalSeconds:0.0} s in the model; "
                + $"prompt {fresh.PromptTokensPerSecond:N0} tokens/s → wall-time ratio "
                + $"{(fresh.PromptTime + fresh.GenerationTime) / (reused.PromptTime + reused.GenerationTime):0.0}×");
        }
    }

    private static async Task<InfillStatistics> DocumentAsync(LoadedSolution loaded, string modelPath, bool reuse)
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(modelPath)
        {
            ContextSize = 8192, MaxNewTokens = 8, MaxCandidates = 1, ReusePromptPrefix = reuse,
        });
        await DocPipeline.DocumentAsync(loaded, new DocOptions(DryRun: true, TextSource: new ModelDocText(model)));
        return model.Statistics;
    }

    // One prompt of about 2,000 tokens, then 32 new tokens for K sequences; the prompt is evaluated afresh each time.
    private static async Task CandidatesAsync(string modelPath, int repetitions)
    {
        Console.WriteLine("(b) K candidates from one prompt (~2,000 prompt tokens, 32 new tokens each):");
        var file = MembersFile(40);
        var prefix = file[..(file.Length * 3 / 4)];
        var suffix = file[(file.Length * 3 / 4)..];
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(modelPath)
        {
            ContextSize = 8192, MaxNewTokens = 32, MaxCandidates = 4, ReusePromptPrefix = false, Temperature = 0.8f,
        });
        await model.InfillAsync(new InfillRequest(prefix, suffix), default); // warm-up
        var times = new Dictionary<int, List<TimeSpan>> { [1] = [], [4] = [] };
        for (var run = 0; run < repetitions; run++)
        {
            foreach (var count in new[] { 1, 4 })
            {
                var stopwatch = Stopwatch.StartNew();
                var completions = (await model.InfillAsync(new InfillRequest(prefix, suffix, count), default)).Completions;
                times[count].Add(stopwatch.Elapsed);
                Console.WriteLine($"  run {run + 1}, K={count}: {stopwatch.Elapsed.TotalSeconds:0.00} s, {completions.Sum(c => c.TokenCount)} tokens generated");
            }
        }

        var statistics = model.Statistics;
        Console.WriteLine($"  K=4 / K=1 = {Measure.Median(times[4]) / Measure.Median(times[1]):0.00} (goal <= 1.6); "
            + $"prompt {statistics.PromptTokensPerSecond:N0} tokens/s, generation {statistics.GeneratedTokensPerSecond:N0} tokens/s");
    }

    private static string MembersFile(int count)
    {
        var text = new StringBuilder("namespace Lib;\n\npublic class Members\n{\n");
        for (var index = 0; index < count; index++)
        {
            text.Append($"    public int Value{index}(int input) => input + {index};\n\n");
        }

        return text.Append("}\n").ToString();
    }
}
