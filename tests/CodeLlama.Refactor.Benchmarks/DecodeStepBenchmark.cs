using System.Diagnostics;
using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Testing.Models;
using LLama;
using LLama.Common;
using LLama.Native;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// What bounds continuous batching on this machine: the time of one llama_decode of the ~50M benchmark GGUF against how
/// many sequences' next tokens it carries (1 to 16, each with a 300-token prompt in the KV cache), and the time of a
/// prompt evaluated in chunks of several sizes. When a step of 4 tokens costs nearly 4 steps of 1, no scheduler can make
/// 4 sequences much faster than 1.
/// </summary>
internal static class DecodeStepBenchmark
{
    private const int PromptLength = 300;
    private const int Steps = 24;

    public static void Run(int? threads, string? model)
    {
        var folder = Path.Combine(Path.GetTempPath(), "codellama-refactor-bench", "steps-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var path = model ?? TestModels.WriteRandom(Path.Combine(folder, "bench.gguf"), TinyLlamaShape.Benchmark);
            var parameters = new ModelParams(path)
            {
                ContextSize = 8192, GpuLayerCount = 0, LoadMode = LLamaLoadMode.MemoryMap, SeqMax = 16, KVUnified = true, BatchSize = 512,
                Threads = threads ?? LlamaInfillModel.DefaultThreads, BatchThreads = threads ?? LlamaInfillModel.DefaultThreads,
            };
            using var weights = LLamaWeights.LoadFromFile(parameters);
            using var context = weights.CreateContext(parameters);
            Console.WriteLine($"llama.cpp threads {parameters.Threads} of {Environment.ProcessorCount} cores; n_batch {context.BatchSize}, n_ubatch {context.NativeHandle.UBatchSize}");
            var random = new Random(7);
            var prompt = Enumerable.Range(0, PromptLength).Select(_ => (LLamaToken)random.Next(100, 30000)).ToArray();
            Sampling(context);
            PromptChunks(context, prompt);
            double? single = null;
            foreach (var sequences in new[] { 1, 2, 3, 4, 6, 8, 16 })
            {
                var perStep = GenerationSteps(context, prompt, sequences);
                single ??= perStep;
                Console.WriteLine($"  {sequences} sequence(s) per step: {perStep:0.00} ms per decode = {sequences * 1000 / perStep:0} tokens/s; "
                    + $"{perStep / single:0.00}× the time of 1, {sequences * single / perStep:0.00}× its tokens/s");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The C# side of a step: picking one token from the vocabulary's logits, greedy and at a temperature.
    private static void Sampling(LLamaContext context)
    {
        var random = new Random(3);
        var logits = Enumerable.Range(0, context.Vocab.Count).Select(_ => (float)(random.NextDouble() * 10)).ToArray();
        foreach (var temperature in new[] { 0f, 0.8f })
        {
            var sampler = new LLama.TokenSampler(temperature, seed: 1, Inference.SamplingSettings.Default.TopK, Inference.SamplingSettings.Default.TopP);
            // Enough calls, and time, for the JIT's second tier, which a long run's steps get.
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 500)
            {
                sampler.Sample(logits);
            }

            var stopwatch = Stopwatch.StartNew();
            const int Samples = 500;
            for (var sample = 0; sample < Samples; sample++)
            {
                sampler.Sample(logits);
            }

            Console.WriteLine($"  sampling one token of {logits.Length:N0} at temperature {temperature}: {stopwatch.Elapsed.TotalMilliseconds / Samples:0.000} ms");
        }
    }

    // The same prompt evaluated in chunks of 16, 64 and 512 tokens (one decode per chunk).
    private static void PromptChunks(LLamaContext context, LLamaToken[] prompt)
    {
        var batch = new LLamaBatch();
        foreach (var chunk in new[] { 16, 64, 512 })
        {
            context.NativeHandle.MemoryClear(true);
            var stopwatch = Stopwatch.StartNew();
            for (var start = 0; start < prompt.Length; start += chunk)
            {
                batch.Clear();
                var end = Math.Min(prompt.Length, start + chunk);
                for (var position = start; position < end; position++)
                {
                    batch.Add(prompt[position], position, (LLamaSeqId)0, position == end - 1);
                }

                Check(context.Decode(batch));
            }

            Console.WriteLine($"  prompt of {prompt.Length} tokens in chunks of {chunk}: {stopwatch.Elapsed.TotalMilliseconds:0} ms = "
                + $"{prompt.Length / stopwatch.Elapsed.TotalSeconds:N0} tokens/s");
        }
    }

    // Mean time of one decode carrying one next token for each of `sequences` sequences.
    private static double GenerationSteps(LLamaContext context, LLamaToken[] prompt, int sequences)
    {
        var handle = context.NativeHandle;
        handle.MemoryClear(true);
        var batch = new LLamaBatch();
        for (var sequence = 0; sequence < sequences; sequence++)
        {
            batch.Clear();
            for (var position = 0; position < prompt.Length; position++)
            {
                batch.Add(prompt[position], position, (LLamaSeqId)sequence, position == prompt.Length - 1);
            }

            Check(context.Decode(batch));
        }

        var stopwatch = new Stopwatch();
        for (var step = 0; step < Steps; step++)
        {
            batch.Clear();
            for (var sequence = 0; sequence < sequences; sequence++)
            {
                batch.Add((LLamaToken)(1000 + step + sequence), prompt.Length + step, (LLamaSeqId)sequence, true);
            }

            // The first steps warm the graph for this batch shape.
            if (step == 4)
            {
                stopwatch.Start();
            }

            Check(context.Decode(batch));
        }

        return stopwatch.Elapsed.TotalMilliseconds / (Steps - 4);
    }

    private static void Check(DecodeResult result)
    {
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException($"llama_decode: {result}");
        }
    }
}
