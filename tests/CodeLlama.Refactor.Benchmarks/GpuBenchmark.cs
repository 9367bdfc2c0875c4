using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Server;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// Prompt and generation tokens/s of one random-weight Q4_0 GGUF (Code Llama 7B's shape, or the small benchmark shape
/// with <c>--shape tiny</c> to show it working on a CPU) measured three ways: in-process through LLamaSharp, through
/// <c>serve --parallel 4</c> with 4 concurrent clients, and by llama.cpp's own <c>llama-bench</c> on the same file; the
/// first two are printed as ratios of the third. With <c>--llama-native DIR</c> (a llama.cpp build with CUDA at
/// LLamaSharp's commit) the in-process and served model run on that build and <c>DIR/llama-bench</c> is the reference.
/// </summary>
internal static class GpuBenchmark
{
    private const int Clients = 4;

    public static async Task RunAsync(string[] args)
    {
        var native = Program.Option(args, "--llama-native");
        var tiny = Program.Option(args, "--shape") == "tiny";
        var promptTokens = int.Parse(Program.Option(args, "--prompt") ?? "512", CultureInfo.InvariantCulture);
        var generated = int.Parse(Program.Option(args, "--generate") ?? "128", CultureInfo.InvariantCulture);
        int? gpuLayers = Program.Option(args, "--gpu-layers") is { } layers ? int.Parse(layers, CultureInfo.InvariantCulture) : null;
        int? threads = Program.Option(args, "--threads") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : null;
        var llamaBench = Program.Option(args, "--llama-bench") ?? (native is null ? null : Path.Combine(native, "llama-bench"));
        if (native is not null)
        {
            NativeBackend.Use(native);
        }

        var folder = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "gpu-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var shape = tiny ? TinyLlamaShape.Benchmark : TinyLlamaShape.SevenB;
            var stopwatch = Stopwatch.StartNew();
            var path = Program.Option(args, "--model") ?? TestModels.WriteRandomQ4_0(Path.Combine(folder, tiny ? "tiny-q4_0.gguf" : "7b-q4_0.gguf"), shape);
            Console.WriteLine($"Model: {path}, {new FileInfo(path).Length / 1e9:0.00} GB Q4_0 ({(tiny ? "tiny" : "7B")} shape), written in {stopwatch.Elapsed.TotalSeconds:0} s");
            Console.WriteLine($"llama.cpp: {native ?? "the bundled CPU backend"}; prompt {promptTokens} tokens, {generated} generated");
            var options = new LlamaModelOptions(path) { ContextSize = Clients * (promptTokens + generated + 16), GpuLayers = gpuLayers, Threads = threads, ReusePromptPrefix = false };

            var inProcess = await InProcessAsync(options, promptTokens, generated);
            Print("in-process", inProcess);
            var served = await ServedAsync(options with { Parallel = Clients }, promptTokens, generated);
            Print($"serve --parallel {Clients}, {Clients} clients (per request)", served.PerRequest);
            Console.WriteLine($"serve --parallel {Clients}: {served.GeneratedPerWallSecond:N1} generated tokens/s over all {Clients} clients");

            if (llamaBench is null || !File.Exists(llamaBench))
            {
                Console.WriteLine($"llama-bench: not run ({(llamaBench is null ? "pass --llama-bench PATH or --llama-native DIR" : llamaBench + " is missing")}).");
                return;
            }

            var reference = RunLlamaBench(llamaBench, path, promptTokens, generated, gpuLayers, threads);
            Print("llama-bench", reference);
            Console.WriteLine($"ratio in-process / llama-bench: prompt {inProcess.Prompt / reference.Prompt:0.00}, generation {inProcess.Generation / reference.Generation:0.00}");
            Console.WriteLine($"ratio serve (per request) / llama-bench: prompt {served.PerRequest.Prompt / reference.Prompt:0.00}, "
                + $"generation {served.PerRequest.Generation / reference.Generation:0.00}; all {Clients} clients' generation / llama-bench's one: "
                + $"{served.GeneratedPerWallSecond / reference.Generation:0.00}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The median of three runs of one prompt of exactly promptTokens tokens, evaluated afresh each time.
    private static async Task<Speed> InProcessAsync(LlamaModelOptions options, int promptTokens, int generated)
    {
        using var model = LlamaInfillModel.Load(options);
        var request = new InfillRequest("", "", MaxNewTokens: generated) { PromptTokens = Prompt(promptTokens, seed: 0), CachePrompt = false };
        await model.InfillAsync(request with { MaxNewTokens = 4 }, default); // warm-up: the first decode allocates buffers and loads kernels
        var speeds = new List<Speed>();
        for (var run = 0; run < 3; run++)
        {
            var result = await model.InfillAsync(request, default);
            speeds.Add(new Speed(
                result.PromptTokensEvaluated / result.PromptTime.TotalSeconds,
                result.Completions.Sum(completion => completion.TokenCount) / result.GenerationTime.TotalSeconds));
        }

        // What the model layer adds to each generated token around llama_decode (sampling, text, bookkeeping): the
        // generation time less the decodes in it (all decode time less the prompts', which are decodes only).
        var statistics = model.Statistics;
        var outside = statistics.GenerationTime - (statistics.DecodeTime - statistics.PromptTime);
        Console.WriteLine($"in-process: {statistics.GenerationTime.TotalMilliseconds / statistics.GeneratedTokens:0.00} ms per generated token, "
            + $"{outside.TotalMilliseconds / statistics.GeneratedTokens:0.00} ms of it outside llama_decode");
        return new Speed(Median(speeds.Select(speed => speed.Prompt)), Median(speeds.Select(speed => speed.Generation)));
    }

    // Each of 4 clients sends two different token prompts to /completion at once; the speeds are the server's own
    // timings of the second round, and the generated tokens over the wall time of that round.
    private static async Task<(Speed PerRequest, double GeneratedPerWallSecond)> ServedAsync(LlamaModelOptions options, int promptTokens, int generated)
    {
        using var model = LlamaInfillModel.Load(options);
        await using var app = InfillServer.Create(model, new ServerOptions(Port: 0));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single() + "/"), Timeout = TimeSpan.FromMinutes(10) };
        await RoundAsync(client, promptTokens, generated, round: 0); // warm-up of the slots and of the HTTP paths
        var wall = Stopwatch.StartNew();
        var answers = await RoundAsync(client, promptTokens, generated, round: 1);
        var seconds = wall.Elapsed.TotalSeconds;
        await app.StopAsync();
        var timings = answers.Select(answer => answer.GetProperty("timings")).ToList();
        var perRequest = new Speed(
            Median(timings.Select(timing => timing.GetProperty("prompt_per_second").GetDouble())),
            Median(timings.Select(timing => timing.GetProperty("predicted_per_second").GetDouble())));
        return (perRequest, timings.Sum(timing => timing.GetProperty("predicted_n").GetInt32()) / seconds);
    }

    private static async Task<List<JsonElement>> RoundAsync(HttpClient client, int promptTokens, int generated, int round) =>
        [.. await Task.WhenAll(Enumerable.Range(0, Clients).Select(async index =>
        {
            using var response = await client.PostAsJsonAsync("completion", new
            {
                prompt = Prompt(promptTokens, seed: (round * Clients) + index + 1), n_predict = generated, cache_prompt = false,
            });
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }))];

    // llama-bench's pp (prompt) and pg (prompt then generation) tests on the same file, averaged over its repetitions.
    // Its tg test generates into an empty cache, while the in-process and served tokens follow their prompt and attend
    // to it: generation is compared with pg's, less the time pg spends on its prompt at pp's rate.
    private static Speed RunLlamaBench(string llamaBench, string model, int promptTokens, int generated, int? gpuLayers, int? threads)
    {
        var arguments = new List<string> { "-m", model, "-p", $"{promptTokens}", "-n", "0", "-pg", $"{promptTokens},{generated}", "-r", "3", "-o", "json" };
        if (gpuLayers is { } layers)
        {
            arguments.AddRange(["-ngl", $"{layers}"]);
        }
        else if (NativeBackend.Folder is null)
        {
            // On the CPU, as many threads as the in-process model uses.
            arguments.AddRange(["-t", $"{threads ?? LlamaInfillModel.DefaultThreads}"]);
        }

        var start = new ProcessStartInfo(llamaBench, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {llamaBench}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{llamaBench} exited with {process.ExitCode}: {errors.Result}");
        }

        var tests = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        double Rate(bool withGeneration) => tests.Single(test => test.GetProperty("n_gen").GetInt32() > 0 == withGeneration).GetProperty("avg_ts").GetDouble();
        var prompt = Rate(withGeneration: false);
        var generationSeconds = ((promptTokens + generated) / Rate(withGeneration: true)) - (promptTokens / prompt);
        return new Speed(prompt, generated / generationSeconds);
    }

    // Token ids of ordinary vocabulary entries (past the control and byte tokens, before the infill ones).
    private static int[] Prompt(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.Next(300, 32000))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var ordered = values.Order().ToList();
        return ordered[ordered.Count / 2];
    }

    private static void Print(string name, Speed speed) =>
        Console.WriteLine($"{name}: prompt {speed.Prompt:N1} tokens/s, generation {speed.Generation:N1} tokens/s");

    private readonly record struct Speed(double Prompt, double Generation);
}
