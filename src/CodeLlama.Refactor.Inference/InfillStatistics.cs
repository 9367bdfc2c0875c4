namespace CodeLlama.Refactor.Inference;

/// <summary>
/// Counters of the work a model did, for benchmarks and <c>--verbosity detailed</c>. Safe to update from concurrent
/// requests (a server answers several at once).
/// </summary>
public sealed class InfillStatistics
{
    private int requests;
    private long promptTokensEvaluated;
    private long promptTokensReused;
    private long generatedTokens;
    private long promptTicks;
    private long generationTicks;
    private long decodeCalls;
    private long decodedTokens;
    private long decodeTicks;
    private int mostSequencesInOneDecode;
    private long decodedSequences;

    /// <summary>Prompts answered.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>Prompt tokens evaluated by the model.</summary>
    public long PromptTokensEvaluated => Interlocked.Read(ref promptTokensEvaluated);

    /// <summary>Prompt tokens whose KV cache was kept from an earlier prompt instead.</summary>
    public long PromptTokensReused => Interlocked.Read(ref promptTokensReused);

    /// <summary>Tokens generated, over all candidates.</summary>
    public long GeneratedTokens => Interlocked.Read(ref generatedTokens);

    /// <summary>Decode calls (batches) the engine made; fewer than tokens when sequences share batches. 0 for remote models.</summary>
    public long DecodeCalls => Interlocked.Read(ref decodeCalls);

    /// <summary>Tokens the engine's decode calls carried, prompt and generated together. 0 for remote models.</summary>
    public long DecodedTokens => Interlocked.Read(ref decodedTokens);

    /// <summary>Time inside the engine's decode calls: the model's own work, without sampling or waiting.</summary>
    public TimeSpan DecodeTime => TimeSpan.FromTicks(Interlocked.Read(ref decodeTicks));

    /// <summary>Sequences the decode calls carried tokens of, summed over the calls (llama.cpp's busy slots per decode, times the calls).</summary>
    public long DecodedSequences => Interlocked.Read(ref decodedSequences);

    /// <summary>The most sequences one decode call carried tokens of: above 1 when concurrent sequences shared a step.</summary>
    public int MostSequencesInOneDecode => Volatile.Read(ref mostSequencesInOneDecode);

    /// <summary>
    /// Tokens per second inside decode calls, over all sequences at once. Unlike <see cref="PromptTokensPerSecond"/>, which
    /// divides by each prompt's own wall time (and so counts a step shared by several sequences once per sequence), this
    /// is the engine's throughput.
    /// </summary>
    public double DecodedTokensPerSecond => DecodeTime > TimeSpan.Zero ? DecodedTokens / DecodeTime.TotalSeconds : 0;

    /// <summary>Time spent evaluating prompts.</summary>
    public TimeSpan PromptTime => TimeSpan.FromTicks(Interlocked.Read(ref promptTicks));

    /// <summary>Time spent generating.</summary>
    public TimeSpan GenerationTime => TimeSpan.FromTicks(Interlocked.Read(ref generationTicks));

    /// <summary>Prompt tokens evaluated per second.</summary>
    public double PromptTokensPerSecond => PromptTime > TimeSpan.Zero ? PromptTokensEvaluated / PromptTime.TotalSeconds : 0;

    /// <summary>Tokens generated per second.</summary>
    public double GeneratedTokensPerSecond => GenerationTime > TimeSpan.Zero ? GeneratedTokens / GenerationTime.TotalSeconds : 0;

    /// <summary>Counts one answered prompt.</summary>
    public void AddRequest() => Interlocked.Increment(ref requests);

    /// <summary>Counts prompt work.</summary>
    /// <param name="evaluated">Tokens evaluated.</param>
    /// <param name="reused">Tokens taken from the cache.</param>
    /// <param name="time">Time spent.</param>
    public void AddPrompt(long evaluated, long reused, TimeSpan time)
    {
        Interlocked.Add(ref promptTokensEvaluated, evaluated);
        Interlocked.Add(ref promptTokensReused, reused);
        Interlocked.Add(ref promptTicks, time.Ticks);
    }

    /// <summary>Counts generation work.</summary>
    /// <param name="tokens">Tokens generated.</param>
    /// <param name="time">Time spent.</param>
    public void AddGeneration(long tokens, TimeSpan time)
    {
        Interlocked.Add(ref generatedTokens, tokens);
        Interlocked.Add(ref generationTicks, time.Ticks);
    }

    /// <summary>Counts one decode call of the engine.</summary>
    /// <param name="tokens">Tokens the call carried.</param>
    /// <param name="sequences">Sequences those tokens belong to.</param>
    /// <param name="time">Time the call took.</param>
    public void AddDecode(int tokens, int sequences, TimeSpan time)
    {
        Interlocked.Increment(ref decodeCalls);
        Interlocked.Add(ref decodedTokens, tokens);
        Interlocked.Add(ref decodeTicks, time.Ticks);
        Interlocked.Add(ref decodedSequences, sequences);
        var most = Volatile.Read(ref mostSequencesInOneDecode);
        while (sequences > most && Interlocked.CompareExchange(ref mostSequencesInOneDecode, sequences, most) != most)
        {
            most = Volatile.Read(ref mostSequencesInOneDecode);
        }
    }
}
