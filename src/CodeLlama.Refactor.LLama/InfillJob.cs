using System.Diagnostics;
using CodeLlama.Refactor.Inference;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>One request in the engine: its prompt, the slot it runs in, its candidates, and where it is.</summary>
internal sealed class InfillJob(
    InfillRequest request, LLamaToken[] prompt, int candidates, int maxNew, float temperature, int seed, CancellationToken cancellationToken)
{
    private readonly Stopwatch promptStopwatch = new();
    private readonly Stopwatch generationStopwatch = new();

    public InfillRequest Request { get; } = request;

    public LLamaToken[] Prompt { get; } = prompt;

    public int CandidateCount { get; } = candidates;

    public int MaxNew { get; } = maxNew;

    public float Temperature { get; } = temperature;

    /// <summary>Candidate i samples with Seed + i.</summary>
    public int Seed { get; } = seed;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public TaskCompletionSource<InfillResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EngineSlot? Slot { get; set; }

    /// <summary>The next prompt position to evaluate; the prompt is done when it reaches its length.</summary>
    public int Position { get; set; }

    public int Reused { get; set; }

    /// <summary>The batch index of the prompt's last logits, once the prompt is evaluated.</summary>
    public int PromptLogits { get; set; }

    /// <summary>The generation step; token i of a candidate sits at prompt length + i.</summary>
    public int Step { get; set; }

    public List<CandidateSequence> Candidates { get; } = [];

    public bool Generating => Candidates.Count > 0;

    public TimeSpan PromptTime => promptStopwatch.Elapsed;

    public TimeSpan GenerationTime => generationStopwatch.Elapsed;

    public void StartPrompt() => promptStopwatch.Start();

    public void StartGeneration()
    {
        promptStopwatch.Stop();
        generationStopwatch.Start();
    }

    public void StopClocks()
    {
        promptStopwatch.Stop();
        generationStopwatch.Stop();
    }
}

/// <summary>
/// A slot, as in llama.cpp's server: a range of sequence ids (one per candidate) and the prompt its first sequence
/// still holds in the KV cache, which the next request that starts alike reuses.
/// </summary>
/// <param name="Index">The slot's number (id_slot).</param>
/// <param name="FirstSequence">Its first sequence id; candidate i uses FirstSequence + i.</param>
internal sealed record EngineSlot(int Index, int FirstSequence)
{
    public LLamaToken[] Cached { get; set; } = [];

    public InfillJob? Job { get; set; }
}
