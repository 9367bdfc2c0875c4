namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Picks the next token from logits: greedy at temperature 0, otherwise from the softmax of the 40 most likely tokens
/// at that temperature. Returns the token's log-probability under the model (before temperature), which ranks candidates.
/// </summary>
/// <param name="temperature">0 for greedy.</param>
/// <param name="seed">Seeds the random choice.</param>
internal sealed class TokenSampler(float temperature, int seed)
{
    private const int TopK = 40;
    private readonly Random random = new(seed);

    /// <summary>Samples one token.</summary>
    /// <param name="logits">The logits of every token.</param>
    /// <returns>The token id and its log-probability.</returns>
    public (int Token, double LogProbability) Sample(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        var best = 0;
        for (var index = 0; index < logits.Length; index++)
        {
            if (logits[index] > max)
            {
                max = logits[index];
                best = index;
            }
        }

        double sum = 0;
        foreach (var logit in logits)
        {
            sum += Math.Exp(logit - max);
        }

        var logNormalizer = max + Math.Log(sum);
        var chosen = temperature <= 0 ? best : SampleTopK(logits, max);
        return (chosen, logits[chosen] - logNormalizer);
    }

    private int SampleTopK(ReadOnlySpan<float> logits, float max)
    {
        var top = new PriorityQueue<int, float>(TopK + 1);
        for (var index = 0; index < logits.Length; index++)
        {
            top.Enqueue(index, logits[index]);
            if (top.Count > TopK)
            {
                top.Dequeue();
            }
        }

        var candidates = new List<(int Token, double Weight)>(TopK);
        double total = 0;
        while (top.TryDequeue(out var token, out var logit))
        {
            var weight = Math.Exp((logit - max) / temperature);
            candidates.Add((token, weight));
            total += weight;
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
