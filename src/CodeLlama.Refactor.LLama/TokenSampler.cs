using System.Numerics.Tensors;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Picks the next token from logits: greedy at temperature 0, otherwise from the softmax at that temperature of the
/// <c>topK</c> most likely tokens (0: all), cut to the smallest set whose probability reaches <c>topP</c>. Returns the
/// token's log-probability under the model (before temperature), which ranks candidates.
/// </summary>
/// <param name="temperature">0 for greedy.</param>
/// <param name="seed">Seeds the random choice.</param>
/// <param name="topK">How many of the most likely tokens to sample among; 0 for every token.</param>
/// <param name="topP">The probability mass to keep; 1 for all.</param>
internal sealed class TokenSampler(float temperature, int seed, int topK, float topP)
{
    private readonly Random random = new(seed);
    private float[] scratch = [];

    /// <summary>Samples one token.</summary>
    /// <param name="logits">The logits of every token.</param>
    /// <returns>The token id and its log-probability.</returns>
    public (int Token, double LogProbability) Sample(ReadOnlySpan<float> logits)
    {
        // Vectorised: this runs once per sequence per decode step, over the whole vocabulary.
        var best = TensorPrimitives.IndexOfMax(logits);
        var max = logits[best];
        var logNormalizer = LogNormalizer(logits, max);
        var chosen = temperature <= 0 ? best : SampleAmongTop(logits, max);
        return (chosen, logits[chosen] - logNormalizer);
    }

    /// <summary>The <paramref name="count"/> most likely tokens and their log-probabilities under the model (llama.cpp's <c>n_probs</c>).</summary>
    /// <param name="logits">The logits of every token.</param>
    /// <param name="count">How many to return.</param>
    /// <returns>The tokens, most likely first.</returns>
    public IReadOnlyList<(int Token, double LogProbability)> Alternatives(ReadOnlySpan<float> logits, int count)
    {
        var max = logits[TensorPrimitives.IndexOfMax(logits)];
        var logNormalizer = LogNormalizer(logits, max);
        return Top(logits, Math.Min(count, logits.Length)).Select(entry => (entry.Token, entry.Logit - logNormalizer)).ToList();
    }

    // log Σ exp(logit), computed from the largest logit so that exp cannot overflow.
    private double LogNormalizer(ReadOnlySpan<float> logits, float max)
    {
        if (scratch.Length < logits.Length)
        {
            scratch = new float[logits.Length];
        }

        var shifted = scratch.AsSpan(0, logits.Length);
        TensorPrimitives.Subtract(logits, max, shifted);
        TensorPrimitives.Exp(shifted, shifted);
        return max + Math.Log(TensorPrimitives.Sum<float>(shifted));
    }

    // The `keep` largest logits, most likely first.
    private static List<(int Token, float Logit)> Top(ReadOnlySpan<float> logits, int keep)
    {
        var top = new PriorityQueue<int, float>(keep + 1);
        for (var index = 0; index < logits.Length; index++)
        {
            // Most tokens fall below the least of those kept so far: skip them without touching the queue.
            if (top.Count == keep && top.TryPeek(out _, out var least) && logits[index] <= least)
            {
                continue;
            }

            top.Enqueue(index, logits[index]);
            if (top.Count > keep)
            {
                top.Dequeue();
            }
        }

        var list = new List<(int Token, float Logit)>(top.Count);
        while (top.TryDequeue(out var token, out var logit))
        {
            list.Add((token, logit));
        }

        list.Reverse();
        return list;
    }

    private int SampleAmongTop(ReadOnlySpan<float> logits, float max)
    {
        var keep = topK <= 0 ? logits.Length : Math.Min(topK, logits.Length);
        var candidates = Top(logits, keep).Select(entry => (entry.Token, Weight: Math.Exp((entry.Logit - max) / temperature))).ToList();
        var total = candidates.Sum(candidate => candidate.Weight);
        if (topP is > 0 and < 1)
        {
            var mass = 0d;
            var count = 0;
            while (count < candidates.Count && mass < topP * total)
            {
                mass += candidates[count++].Weight;
            }

            candidates.RemoveRange(count, candidates.Count - count);
            total = mass;
        }

        var point = random.NextDouble() * total;
        foreach (var (token, weight) in candidates)
        {
            point -= weight;
            if (point <= 0)
            {
                return token;
            }
        }

        return candidates[^1].Token;
    }
}
