using System.Diagnostics;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// Several files in flight, as doc keeps them: four streams of documentation-sized requests (one per file, each
/// member's prompt extending the previous one, 8 new tokens each), decoded in 4 slots with continuous batching against
/// the same requests one at a time in 1 slot, side by side in one run (goal: at least 2.5× the elements/s).
/// </summary>
internal static class SlotsBenchmark
{
    private const int Files = 4;
    private const int MembersPerFile = 8;

    // SLOTS_BENCH_THREADS sets llama.cpp's threads (default: half the logical processors); 1 is steadier on a machine shared with other work.
    private static readonly int? Threads = int.TryParse(Environment.GetEnvironmentVariable("SLOTS_BENCH_THREADS"), out var threads) ? threads : null;

    /// <summary>Writes the benchmark GGUF and runs (c) alone.</summary>
    public static async Task RunStandaloneAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "slots-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await RunAsync(Testing.Models.TestModels.WriteRandom(Path.Combine(folder, "bench.gguf"), Testing.Models.TinyLlamaShape.Benchmark));
            Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static async Task RunAsync(string modelPath)
    {
        Console.WriteLine($"llama.cpp threads: {Threads ?? LlamaInfillModel.DefaultThreads} of {Environment.ProcessorCount} cores");
        Console.WriteLine($"(c) {Files} files in flight, {MembersPerFile} members each (MaxNewTokens 8): 4 slots against 1");
        var serial = await DocumentAsync(modelPath, slots: 1);
        var parallel = await DocumentAsync(modelPath, slots: Files);
        Console.WriteLine($"  4 slots / 1 slot = {parallel / serial:0.00}× the elements/s (goal >= 2.5×)");
        await DocInFlightAsync(modelPath);
    }

    // doc itself (DocPipeline with the in-process model, as `doc --model M --parallel N` runs it) on a solution of 4 files.
    private static async Task DocInFlightAsync(string modelPath)
    {
        var files = Enumerable.Range(0, Files).ToDictionary(file => $"Members{file}.cs", file => MembersFile(file, MembersPerFile));
        using var solution = TemporarySolution.Create(files);
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        Console.WriteLine($"(d) doc --dry-run of {Files} files of {MembersPerFile} members (MaxNewTokens 8): --parallel 4 against 1");
        var serial = await DocPipelineAsync(loaded, modelPath, parallel: 1);
        var parallel = await DocPipelineAsync(loaded, modelPath, parallel: Files);
        Console.WriteLine($"  --parallel 4 / 1 = {parallel / serial:0.00}× the elements/s (goal >= 2.5×)");
    }

    private static async Task<double> DocPipelineAsync(LoadedSolution loaded, string modelPath, int parallel)
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(modelPath)
        {
            Threads = Threads, ContextSize = 8192, MaxNewTokens = 8, MaxCandidates = 1, Parallel = parallel,
        });
        await model.InfillAsync(new InfillRequest("warm", "up"), default);
        var source = new ModelDocText(model);
        var wall = Stopwatch.StartNew();
        await DocPipeline.DocumentAsync(loaded, new DocOptions(DryRun: true, TextSource: source));
        var elapsed = wall.Elapsed;
        var elements = source.Answered + source.Fallbacks;
        var rate = elements / elapsed.TotalSeconds;
        var statistics = model.Statistics;
        Console.WriteLine($"  --parallel {parallel}: {elements} elements in {elapsed.TotalSeconds:0.00} s = {rate:0.0} elements/s; "
            + $"{statistics.DecodeCalls} decode calls, up to {statistics.MostSequencesInOneDecode} sequences in one; "
            + $"{statistics.PromptTokensEvaluated:N0} prompt tokens evaluated, {statistics.GeneratedTokens:N0} generated; "
            + $"{statistics.DecodedTokensPerSecond:N0} tokens/s inside decode, {statistics.DecodeTime.TotalSeconds:0.00} s of decode");
        return rate;
    }

    private static string MembersFile(int file, int members)
    {
        var text = new System.Text.StringBuilder($"namespace Lib{file};\n\npublic class Members{file}\n{{\n");
        for (var index = 0; index < members; index++)
        {
            text.Append($"    public int Value{index}(int input) => input + {index};\n\n");
        }

        return text.Append("}\n").ToString();
    }

    private static async Task<double> DocumentAsync(string modelPath, int slots)
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(modelPath)
        {
            Threads = Threads, ContextSize = 8192, MaxNewTokens = 8, MaxCandidates = 1, Parallel = slots,
        });
        await model.InfillAsync(new InfillRequest("warm", "up"), default);
        var latencies = new List<TimeSpan>();
        var wall = Stopwatch.StartNew();
        async Task FileAsync(int file)
        {
            for (var member = 0; member < MembersPerFile; member++)
            {
                var stopwatch = Stopwatch.StartNew();
                await model.InfillAsync(Prompt(file, member), default);
                lock (latencies)
                {
                    latencies.Add(stopwatch.Elapsed);
                }
            }
        }

        if (slots == 1)
        {
            for (var file = 0; file < Files; file++)
            {
                await FileAsync(file);
            }
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, Files).Select(FileAsync));
        }

        var elapsed = wall.Elapsed;
        var rate = latencies.Count / elapsed.TotalSeconds;
        var statistics = model.Statistics;
        Console.WriteLine($"  {slots} slot(s): {latencies.Count} elements in {elapsed.TotalSeconds:0.00} s = {rate:0.0} elements/s; "
            + $"latency p50 {Percentile(latencies, 0.5):0} ms, p95 {Percentile(latencies, 0.95):0} ms; {statistics.DecodeCalls} decode calls; "
            + $"{statistics.PromptTokensEvaluated:N0} prompt tokens evaluated, {statistics.GeneratedTokens:N0} generated; "
            + $"prompt {statistics.PromptTokensPerSecond:N0} tokens/s per sequence, generation {statistics.GeneratedTokens / elapsed.TotalSeconds:N0} tokens/s of wall time; "
            + $"up to {statistics.MostSequencesInOneDecode} sequences in one decode, {statistics.DecodedTokensPerSecond:N0} tokens/s inside decode, "
            + $"{statistics.DecodeTime.TotalSeconds:0.00} s of decode");
        return rate;
    }

    private static InfillRequest Prompt(int file, int member)
    {
        var members = string.Concat(Enumerable.Range(0, member).Select(index => $"    /// <summary>Value {index}.</summary>\n    public int Value{index}(int input) => input + {index};\n\n"));
        return new InfillRequest(
            $"namespace Lib{file};\n\npublic class Members{file}\n{{\n{members}    /// <summary>",
            $"</summary>\n    public int Value{member}(int input) => input + {member};\n}}\n");
    }

    public static double Percentile(IReadOnlyList<TimeSpan> latencies, double share)
    {
        var ordered = latencies.Order().ToList();
        return ordered[Math.Min(ordered.Count - 1, (int)Math.Ceiling(share * ordered.Count) - 1)].TotalMilliseconds;
    }
}
