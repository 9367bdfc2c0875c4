using System.Diagnostics;
using System.Net.Http.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Server;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// serve with the ~50M-parameter benchmark GGUF on loopback, side by side in one run: one request at a time against 4
/// concurrent clients on 4 slots (continuous batching; goal: at least 2.5× the requests/s), the in-process model for the
/// HTTP overhead (goal: under 5%), latency percentiles, tokens/s and peak memory.
/// </summary>
internal static class ServeBenchmark
{
    private static readonly int Concurrency = int.TryParse(Environment.GetEnvironmentVariable("SERVE_BENCH_CLIENTS"), out var clients) ? clients : 4;

    public static async Task RunAsync(int requests)
    {
        var folder = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "serve-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var path = TestModels.WriteRandom(Path.Combine(folder, "bench.gguf"), TinyLlamaShape.Benchmark);
            // SERVE_BENCH_THREADS leaves cores free for the HTTP side (and the load generator) when set below the core count.
            int? threads = int.TryParse(Environment.GetEnvironmentVariable("SERVE_BENCH_THREADS"), out var count) ? count : null;
            using var model = LlamaInfillModel.Load(new LlamaModelOptions(path) { ContextSize = 4096, MaxNewTokens = 16, Threads = threads, Parallel = Concurrency });
            Console.WriteLine($"llama.cpp threads: {threads ?? LlamaInfillModel.DefaultThreads} of {Environment.ProcessorCount} cores; {Concurrency} concurrent clients");
            var prompts = Enumerable.Range(0, requests)
                .Select(index => (Prefix: $"// request {index}\npublic static class Shapes{index}\n{{\n    public static double Area(double r) => ", Suffix: ";\n}\n"))
                .ToList();
            await model.InfillAsync(new InfillRequest("warm", "up"), default);

            var (inProcess, inProcessWall) = await InProcessAsync(model, prompts);
            Report("in-process (before)", inProcess, inProcessWall);

            await using var app = InfillServer.Create(model, new ServerOptions(Port: 0));
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/") };
            // The first requests JIT-compile Kestrel's and the JSON serializers' paths and open the connections, as the
            // in-process warm-up request above does for the model's: they are not part of the steady state measured.
            await ServeAsync(client, prompts.Take(2 * Concurrency).ToList(), Concurrency);
            var (oneAtATime, oneWall, oneModelMilliseconds) = await ServeAsync(client, prompts, clients: 1);
            Report("serve, one request at a time", oneAtATime, oneWall);
            Console.WriteLine($"model time per request one at a time, as the server timed it: {oneModelMilliseconds / requests:0.0} ms");
            var generatedBefore = model.Statistics.GeneratedTokens;
            var (concurrent, concurrentWall, modelMilliseconds) = await ServeAsync(client, prompts, Concurrency);
            var generated = model.Statistics.GeneratedTokens - generatedBefore;
            await app.StopAsync();
            Report($"serve, {Concurrency} concurrent clients on {model.Slots} slots", concurrent, concurrentWall);
            Console.WriteLine($"{Concurrency} concurrent / one at a time = {oneWall / concurrentWall:0.00}× the requests/s (goal >= 2.5×); "
                + $"generation {generated / concurrentWall.TotalSeconds:N0} tokens/s of wall time with {Concurrency} clients");

            // In-process again after, so that drift of a noisy machine shows and averages out.
            var (again, againWall) = await InProcessAsync(model, prompts);
            Report("in-process (after)", again, againWall);
            inProcessWall = (inProcessWall + againWall) / 2;
            var overhead = (oneWall - inProcessWall) / requests;
            var modelTime = inProcessWall / requests;
            Console.WriteLine($"serve (one at a time) against in-process, per request: +{overhead.TotalMilliseconds:0.0} ms on {modelTime.TotalMilliseconds:0.0} ms "
                + $"= {overhead / modelTime:P1} (goal < 5%)");
            var inside = TimeSpan.FromMilliseconds(modelMilliseconds / requests);
            Console.WriteLine($"model time per request with {Concurrency} clients, as the server timed it: {inside.TotalMilliseconds:0.0} ms; "
                + $"prompt {model.Statistics.PromptTokensPerSecond:N0} tokens/s per sequence; all runs: {model.Statistics.DecodedTokensPerSecond:N0} tokens/s inside decode "
            + $"({model.Statistics.DecodedTokens:N0} tokens in {model.Statistics.DecodeCalls:N0} decodes, up to {model.Statistics.MostSequencesInOneDecode} sequences in one)");
            Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(List<TimeSpan> Latencies, TimeSpan Wall, double ModelMilliseconds)> ServeAsync(
        HttpClient client, IReadOnlyList<(string Prefix, string Suffix)> prompts, int clients)
    {
        using var gate = new SemaphoreSlim(clients);
        var latencies = new List<TimeSpan>();
        var modelMilliseconds = 0d;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(prompts.Select(async prompt =>
        {
            await gate.WaitAsync();
            try
            {
                var stopwatch = Stopwatch.StartNew();
                using var response = await client.PostAsJsonAsync("infill", new LlamaCppInfillRequest { InputPrefix = prompt.Prefix, InputSuffix = prompt.Suffix });
                response.EnsureSuccessStatusCode();
                var answer = await response.Content.ReadFromJsonAsync<LlamaCppInfillResponse>();
                lock (latencies)
                {
                    latencies.Add(stopwatch.Elapsed);
                    modelMilliseconds += answer!.Timings!.PromptMs + answer.Timings.PredictedMs;
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return (latencies, wall.Elapsed, modelMilliseconds);
    }

    private static async Task<(List<TimeSpan> Latencies, TimeSpan Wall)> InProcessAsync(
        LlamaInfillModel model, IReadOnlyList<(string Prefix, string Suffix)> prompts)
    {
        var latencies = new List<TimeSpan>();
        var wall = Stopwatch.StartNew();
        foreach (var (prefix, suffix) in prompts)
        {
            var stopwatch = Stopwatch.StartNew();
            await model.InfillAsync(new InfillRequest(prefix, suffix), default);
            latencies.Add(stopwatch.Elapsed);
        }

        return (latencies, wall.Elapsed);
    }

    private static void Report(string name, List<TimeSpan> latencies, TimeSpan wall)
    {
        var ordered = latencies.Order().ToList();
        TimeSpan Percentile(double share) => ordered[Math.Min(ordered.Count - 1, (int)Math.Ceiling(share * ordered.Count) - 1)];
        Console.WriteLine($"{name}: {latencies.Count} requests in {wall.TotalSeconds:0.00} s = {latencies.Count / wall.TotalSeconds:0.0} requests/s; "
            + $"latency p50 {Percentile(0.5).TotalMilliseconds:0} ms, p95 {Percentile(0.95).TotalMilliseconds:0} ms, p99 {Percentile(0.99).TotalMilliseconds:0} ms");
    }
}
