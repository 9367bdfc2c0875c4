using System.Diagnostics;
using System.Text;
using CodeLlama.Refactor.Inference;
using LLama;
using LLama.Abstractions;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// A Code Llama GGUF run in-process by llama.cpp through LLamaSharp. The model is memory-mapped and loaded once; one
/// context serves every request. The evaluated prompt stays in the KV cache, so a prompt that starts like the previous
/// one (the next member of the same file) evaluates only its new tokens; K candidates fork that one prompt into K
/// sequences that decode together in one batch.
/// </summary>
public sealed class LlamaInfillModel : IInfillModel, IDisposable
{
    private const int CodeLlamaEndOfText = 32010;
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly FimPrompt prompt;
    private readonly LlamaModelOptions options;
    private readonly HashSet<int> endTokens;
    private readonly InferenceThread inference = new();
    private LLamaToken[] cached = [];
    private int requestCount;

    private LlamaInfillModel(LLamaWeights weights, LLamaContext context, LlamaModelOptions options, int gpuLayers)
    {
        this.weights = weights;
        this.context = context;
        this.options = options;
        prompt = new FimPrompt(weights);
        GpuLayers = gpuLayers;
        var vocabulary = weights.Vocab;
        endTokens = new[] { vocabulary.EOT, vocabulary.EOS }.Where(token => token is not null).Select(token => (int)token!.Value).ToHashSet();
        Name = Path.GetFileName(options.ModelPath);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int ContextSize => (int)context.ContextSize;

    /// <inheritdoc/>
    public int MaxNewTokens => options.MaxNewTokens;

    /// <summary>Layers offloaded to the GPU.</summary>
    public int GpuLayers { get; }

    /// <inheritdoc/>
    public InfillStatistics Statistics { get; } = new();

    /// <summary>The prompt builder, for tests that pin the token layout.</summary>
    internal FimPrompt Prompt => prompt;

    /// <summary>Checks and loads a model file.</summary>
    /// <param name="options">The file and how to run it.</param>
    /// <returns>The loaded model.</returns>
    /// <exception cref="InputException">The file cannot be used, with a one-line reason.</exception>
    public static LlamaInfillModel Load(LlamaModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        NativeLog.Install();
        var file = new FileInfo(options.ModelPath);
        var (header, length) = ModelFile.Inspect(file.FullName);
        var architecture = header.Architecture ?? "unknown";
        var gpuLayers = GpuOffload.Resolve(
            options.GpuLayers, NativeApi.llama_supports_gpu_offload(), header.Integer($"{architecture}.block_count"));
        var trained = header.Integer($"{architecture}.context_length") ?? LlamaModelOptions.DefaultContextCap;
        var contextSize = options.ContextSize ?? (int)Math.Min(LlamaModelOptions.DefaultContextCap, trained);
        if (gpuLayers == 0)
        {
            // With layers offloaded, the KV cache lives in GPU memory, which llama.cpp itself checks when it allocates.
            MemoryBudget.Check(header, length, contextSize, MemoryBudget.Available());
        }

        var parameters = new ModelParams(file.FullName)
        {
            ContextSize = (uint)contextSize,
            GpuLayerCount = gpuLayers,
            LoadMode = LLamaLoadMode.MemoryMap,
            SeqMax = (uint)Math.Max(1, options.MaxCandidates),
            KVUnified = true,
            BatchSize = 512,
        };
        // llama.cpp's default is half the cores; the tool is the only heavy work while it runs, so take them all.
        var threads = options.Threads ?? Environment.ProcessorCount;
        parameters.Threads = threads;
        parameters.BatchThreads = threads;

        if (ModelFile.NeedsEndOfTextOverride(header))
        {
            parameters.MetadataOverrides.Add(new MetadataOverride("tokenizer.ggml.eot_token_id", CodeLlamaEndOfText));
        }

        NativeLog.Clear();
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (LoadWeightsFailedException)
        {
            throw ModelFile.Refuse(file, $"llama.cpp cannot load it (architecture '{architecture}'){Why()}");
        }

        try
        {
            var vocabulary = weights.Vocab;
            if (vocabulary.InfillPrefix is null || vocabulary.InfillSuffix is null || vocabulary.InfillMiddle is null)
            {
                throw ModelFile.Refuse(file, $"its vocabulary has no infill tokens (<PRE>, <SUF>, <MID>); {ModelFile.InfillVariants}");
            }

            LLamaContext context;
            try
            {
                context = weights.CreateContext(parameters);
            }
            catch (Exception exception) when (exception is RuntimeError or LLamaDecodeError or OutOfMemoryException)
            {
                throw ModelFile.Refuse(file, $"llama.cpp cannot create a context of {contextSize} tokens{Why()}; pass a smaller --context");
            }

            return new LlamaInfillModel(weights, context, options, gpuLayers);
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public int CountTokens(string text) => prompt.Tokenize(text).Length;

    /// <inheritdoc/>
    public async Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await inference.RunAsync(() => Infill(request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        inference.Dispose();
        context.Dispose();
        weights.Dispose();
    }

    private static string Why() => NativeLog.RecentProblems() is { Count: > 0 } problems
        ? ": " + problems[^1].ReplaceLineEndings(" ").TrimEnd('.')
        : string.Empty;

    private static int CommonPrefix(LLamaToken[] first, LLamaToken[] second)
    {
        var length = Math.Min(first.Length, second.Length);
        var index = 0;
        while (index < length && first[index] == second[index])
        {
            index++;
        }

        return index;
    }

    private InfillResult Infill(InfillRequest request, CancellationToken cancellationToken)
    {
        var tokens = prompt.Build(request.Prefix, request.Suffix);
        var room = ContextSize - tokens.Length;
        var maxNew = Math.Min(request.MaxNewTokens ?? options.MaxNewTokens, room);
        if (maxNew <= 0)
        {
            throw new PromptTooLongException($"The prompt of {tokens.Length} tokens leaves no room in a context of {ContextSize}.");
        }

        var count = Math.Clamp(request.Candidates, 1, Math.Max(1, options.MaxCandidates));
        var promptStopwatch = Stopwatch.StartNew();
        var (lastLogits, evaluated) = EvaluatePrompt(tokens, cancellationToken);
        var promptTime = promptStopwatch.Elapsed;
        var generationStopwatch = Stopwatch.StartNew();
        var sequences = Generate(tokens.Length, lastLogits, count, maxNew, request, cancellationToken);
        Statistics.AddRequest();
        var completions = sequences
            .Select(sequence => new InfillCompletion(Detokenize(sequence.Tokens), sequence.LogProbability, sequence.Finished, sequence.Tokens.Count))
            .OrderByDescending(completion => completion.LogProbability)
            .ToList();
        return new InfillResult(completions, tokens.Length, evaluated, promptTime, generationStopwatch.Elapsed);
    }

    // Evaluates what the KV cache of sequence 0 does not already hold; returns the batch index of the last token's
    // logits and how many tokens were evaluated.
    private (int LastLogits, int Evaluated) EvaluatePrompt(LLamaToken[] tokens, CancellationToken cancellationToken)
    {
        var handle = context.NativeHandle;
        var stopwatch = Stopwatch.StartNew();
        for (var sequence = 1; sequence < Math.Max(1, options.MaxCandidates); sequence++)
        {
            handle.MemorySequenceRemove((LLamaSeqId)sequence, 0, -1);
        }

        // Keep the common prefix, but always evaluate the last token again: its logits start the completion.
        var reused = options.ReusePromptPrefix ? Math.Min(CommonPrefix(cached, tokens), tokens.Length - 1) : 0;
        handle.MemorySequenceRemove(LLamaSeqId.Zero, reused, -1);
        cached = [];

        var batch = new LLamaBatch();
        var batchSize = (int)context.BatchSize;
        var last = 0;
        for (var start = reused; start < tokens.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(tokens.Length, start + batchSize);
            batch.Clear();
            for (var index = start; index < end; index++)
            {
                last = batch.Add(tokens[index], index, LLamaSeqId.Zero, index == tokens.Length - 1);
            }

            Decode(batch);
        }

        cached = tokens;
        Statistics.AddPrompt(tokens.Length - reused, reused, stopwatch.Elapsed);
        return (last, tokens.Length - reused);
    }

    private List<Sequence> Generate(
        int promptLength, int promptLogits, int count, int maxNew, InfillRequest request, CancellationToken cancellationToken)
    {
        var handle = context.NativeHandle;
        var stopwatch = Stopwatch.StartNew();
        for (var sequence = 1; sequence < count; sequence++)
        {
            handle.MemorySequenceCopy(LLamaSeqId.Zero, (LLamaSeqId)sequence, 0, -1);
        }

        var temperature = request.Temperature ?? options.Temperature;
        var seed = (request.Seed ?? options.Seed) + (1000 * requestCount++);
        var sequences = Enumerable.Range(0, count).Select(index => new Sequence(new TokenSampler(temperature, seed + index))).ToList();
        var logitIndex = Enumerable.Repeat(promptLogits, count).ToArray();
        var batch = new LLamaBatch();
        try
        {
            for (var step = 0; step < maxNew; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Clear();
                for (var index = 0; index < count; index++)
                {
                    var sequence = sequences[index];
                    if (sequence.Done)
                    {
                        continue;
                    }

                    var (token, logProbability) = sequence.Sampler.Sample(handle.GetLogitsIth(logitIndex[index]));
                    if (endTokens.Contains(token))
                    {
                        sequence.Finished = true;
                        continue;
                    }

                    sequence.Tokens.Add((LLamaToken)token);
                    sequence.LogProbability += logProbability;
                    if (step + 1 < maxNew)
                    {
                        logitIndex[index] = batch.Add((LLamaToken)token, promptLength + step, (LLamaSeqId)index, true);
                    }
                }

                if (batch.TokenCount == 0)
                {
                    break;
                }

                Decode(batch);
            }
        }
        finally
        {
            // Forget the completions: the next prompt may share this one's prefix, never its completions.
            handle.MemorySequenceRemove(LLamaSeqId.Zero, promptLength, -1);
            for (var sequence = 1; sequence < count; sequence++)
            {
                handle.MemorySequenceRemove((LLamaSeqId)sequence, 0, -1);
            }
        }

        Statistics.AddGeneration(sequences.Sum(sequence => sequence.Tokens.Count), stopwatch.Elapsed);
        return sequences;
    }

    private void Decode(LLamaBatch batch)
    {
        var result = context.Decode(batch);
        Statistics.AddDecode();
        if (result != DecodeResult.Ok)
        {
            cached = [];
            throw new InferenceException($"llama.cpp could not decode a batch of {batch.TokenCount} tokens ({result}).");
        }
    }

    private string Detokenize(IReadOnlyList<LLamaToken> tokens)
    {
        var decoder = new StreamingTokenDecoder(Encoding.UTF8, weights);
        decoder.AddRange(tokens);
        return decoder.Read();
    }

    private sealed class Sequence(TokenSampler sampler)
    {
        public TokenSampler Sampler { get; } = sampler;

        public List<LLamaToken> Tokens { get; } = [];

        public double LogProbability { get; set; }

        public bool Finished { get; set; }

        public bool Done => Finished;
    }
}
