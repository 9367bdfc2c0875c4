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
/// A FIM GGUF (Code Llama, or any family llama.cpp knows the FIM tokens of) run in-process by llama.cpp through
/// LLamaSharp. The model is memory-mapped and loaded once; one context serves every request. Up to
/// <see cref="LlamaModelOptions.Parallel"/> requests are decoded together with continuous batching, each in a slot
/// whose evaluated prompt stays in the KV cache, so a prompt that starts like that slot's previous one (the next member
/// of the same file) evaluates only its new tokens; K candidates fork that one prompt into K sequences.
/// </summary>
public sealed class LlamaInfillModel : IInfillModel, IServedModel, IDisposable
{
    // What ends an assistant turn in ChatML, the conversation format for a GGUF without a chat template.
    private const string ChatMlEnd = "<|im_end|>";
    private readonly LLamaWeights weights;
    private readonly LLamaContext context;
    private readonly FimPrompt prompt;
    private readonly LlamaModelOptions options;
    private readonly ContinuousBatcher batcher;
    private readonly TokenPieces pieces;
    private int requestCount = -1;

    private LlamaInfillModel(LLamaWeights weights, LLamaContext context, LlamaModelOptions options, int gpuLayers)
    {
        this.weights = weights;
        this.context = context;
        this.options = options;
        prompt = new FimPrompt(weights);
        GpuLayers = gpuLayers;
        Name = Path.GetFileName(options.ModelPath);
        pieces = new TokenPieces(weights);
        ChatTemplate = weights.Metadata.TryGetValue("tokenizer.chat_template", out var template) ? template : null;
        batcher = new ContinuousBatcher(weights, context, Statistics, pieces, Slots, Math.Max(1, options.MaxCandidates), options.ReusePromptPrefix);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>
    /// The context one request may fill: the KV cache's share of one slot. The cache is unified (slots share its cells),
    /// so without this share several files in flight, each prompt as long as the whole context, would overflow it.
    /// </summary>
    public int ContextSize => (int)context.ContextSize / Slots;

    /// <inheritdoc/>
    public int MaxNewTokens => options.MaxNewTokens;

    /// <summary>Requests decoded side by side (serve --parallel), each in its own slot with its own prompt cache.</summary>
    public int Slots => Math.Max(1, options.Parallel);

    /// <inheritdoc/>
    public int Concurrency => Slots;

    /// <summary>Layers offloaded to the GPU.</summary>
    public int GpuLayers { get; }

    /// <summary>
    /// The CPU threads llama.cpp decodes with when none are asked for: half the logical processors (the physical cores
    /// of a machine with two threads a core, llama.cpp's own default there), at least one. llama.cpp's workers spin at
    /// every step's barriers, so a team as wide as the machine stalls whenever anything else wants a core (the
    /// candidates' builds and tests, the server's requests, an IDE): on a loaded 2-core machine 2 threads generated
    /// 4 tokens/s where 1 thread generated 68.
    /// </summary>
    public static int DefaultThreads => Math.Max(1, Environment.ProcessorCount / 2);

    /// <inheritdoc/>
    public InfillStatistics Statistics { get; } = new();

    /// <inheritdoc/>
    public int VocabularySize => weights.Vocab.Count;

    /// <inheritdoc/>
    public string? ChatTemplate { get; }

    /// <inheritdoc/>
    public int Deferred => batcher.Deferred;

    /// <inheritdoc/>
    public SamplingSettings Sampling => SamplingSettings.Default with
    {
        Temperature = options.Temperature,
        Seed = options.Seed,
        MaxNewTokens = options.MaxNewTokens,
        Candidates = options.MaxCandidates,
        Slots = Slots,
    };

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
            SeqMax = (uint)(Math.Max(1, options.Parallel) * Math.Max(1, options.MaxCandidates)),
            KVUnified = true,
            BatchSize = 512,
        };
        var threads = options.Threads ?? DefaultThreads;
        parameters.Threads = threads;
        parameters.BatchThreads = threads;

        if (ModelFile.EndOfTextOverride(header) is { } endOfText)
        {
            parameters.MetadataOverrides.Add(new MetadataOverride("tokenizer.ggml.eot_token_id", endOfText));
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
    public IReadOnlyList<int> Tokenize(string text, bool addSpecial, bool parseSpecial)
    {
        ArgumentNullException.ThrowIfNull(text);
        // llama.cpp adds BOS only where the GGUF says to (tokenizer.ggml.add_bos_token).
        if (text.Length == 0)
        {
            return addSpecial && weights.Vocab is { ShouldAddBOS: true, BOS: { } bos } ? [(int)bos] : [];
        }

        return [.. weights.Tokenize(text, addSpecial, parseSpecial, Encoding.UTF8).Select(token => (int)token)];
    }

    /// <inheritdoc/>
    public byte[] TokenBytes(int token) => pieces.Bytes(token);

    /// <inheritdoc/>
    public string Detokenize(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var decoder = new StreamingTokenDecoder(Encoding.UTF8, weights) { DecodeSpecialTokens = true };
        foreach (var token in tokens)
        {
            decoder.Add((LLamaToken)token);
        }

        return decoder.Read();
    }

    /// <inheritdoc/>
    public IReadOnlyList<SlotState> SlotStates() => batcher.Snapshot();

    /// <summary>
    /// Holds decoding until the result is disposed: requests submitted meanwhile wait, and all start in the same step.
    /// Lets a test prove that concurrent requests share decode steps without depending on when threads run.
    /// </summary>
    /// <returns>Lets decoding go on when disposed.</returns>
    internal IDisposable HoldDecoding() => batcher.Hold();

    /// <inheritdoc/>
    public Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<InfillResult>(cancellationToken);
        }

        LLamaToken[] tokens;
        try
        {
            (tokens, request) = request switch
            {
                { PromptTokens: { } given } => (Given(given), request),
                { Conversation: { } turns } => ConversationPrompt(request, turns),
                { Instruction: { } instruction } => (ChatPrompt(Turns(request.SystemPrompt, instruction)), request),
                _ => (prompt.Build(request), request),
            };
        }
        catch (InferenceException exception)
        {
            return Task.FromException<InfillResult>(exception);
        }

        var room = ContextSize - tokens.Length;
        var asked = request.MaxNewTokens ?? options.MaxNewTokens;
        if (room < 0 || (room == 0 && asked > 0))
        {
            return Task.FromException<InfillResult>(
                new PromptTooLongException($"The prompt of {tokens.Length} tokens leaves no room in a context of {ContextSize}."));
        }

        var (count, maxNew) = CandidateRoom.Share(Math.Clamp(request.Candidates, 1, Math.Max(1, options.MaxCandidates)), Math.Max(0, asked), room);
        var seed = (request.Seed ?? options.Seed) + (1000 * Interlocked.Increment(ref requestCount));
        var job = new InfillJob(request, tokens, count, maxNew, request.Temperature ?? options.Temperature, seed, cancellationToken);
        return batcher.Submit(job);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        batcher.Dispose();
        context.Dispose();
        weights.Dispose();
    }

    private static List<ChatTurn> Turns(string? system, string instruction) =>
        system is null ? [new ChatTurn("user", instruction)] : [new ChatTurn("system", system), new ChatTurn("user", instruction)];

    // A conversation through the GGUF's template; without one, through ChatML as llama.cpp's server falls back to,
    // whose end of turn then also ends the answer.
    private (LLamaToken[] Tokens, InfillRequest Request) ConversationPrompt(InfillRequest request, IReadOnlyList<ChatTurn> turns) => ChatTemplate is not null
        ? (ChatPrompt(turns), request)
        : (TokenizeChat(ChatMl(turns)), request with { Stop = [.. request.Stop, ChatMlEnd] });

    /// <inheritdoc/>
    public string ApplyTemplate(IReadOnlyList<ChatTurn> turns) => ChatTemplate is not null ? TemplateText(turns) : ChatMl(turns);

    private static string ChatMl(IReadOnlyList<ChatTurn> turns) =>
        string.Concat(turns.Select(turn => $"<|im_start|>{turn.Role}\n{turn.Content}{ChatMlEnd}\n")) + "<|im_start|>assistant\n";

    private LLamaToken[] Given(IReadOnlyList<int> tokens)
    {
        var size = VocabularySize;
        return tokens.All(token => token >= 0 && token < size)
            ? [.. tokens.Select(token => (LLamaToken)token)]
            : throw new InferenceException($"A prompt token is outside the vocabulary of {size} tokens.");
    }

    private LLamaToken[] ChatPrompt(IReadOnlyList<ChatTurn> turns) => TokenizeChat(TemplateText(turns));

    // The turns through the GGUF's own chat template, with the assistant's turn opened.
    private string TemplateText(IReadOnlyList<ChatTurn> turns)
    {
        LLamaTemplate template;
        try
        {
            template = new LLamaTemplate(weights, strict: true) { AddAssistant = true };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InferenceException($"{Name} has no chat template, so it cannot answer an instruction prompt: use the FIM prompt.", exception);
        }

        foreach (var turn in turns)
        {
            template.Add(turn.Role, turn.Content);
        }

        return Encoding.UTF8.GetString(template.Apply());
    }

    private LLamaToken[] TokenizeChat(string text)
    {
        var bos = weights.Vocab.BOS is { } id ? weights.Vocab.LLamaTokenToString(id, isSpecialToken: true) : null;
        // The template may write BOS itself; parse its special tokens and add BOS only where it did not.
        var addBos = weights.Vocab.ShouldAddBOS && (bos is null || !text.StartsWith(bos, StringComparison.Ordinal));
        return weights.Tokenize(text, addBos, special: true, Encoding.UTF8);
    }

    private static string Why() => NativeLog.RecentProblems() is { Count: > 0 } problems
        ? ": " + problems[^1].ReplaceLineEndings(" ").TrimEnd('.')
        : string.Empty;
}
