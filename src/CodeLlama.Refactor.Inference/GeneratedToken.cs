namespace CodeLlama.Refactor.Inference;

/// <summary>A token a model generated, as llama.cpp's <c>completion_probabilities</c> reports it.</summary>
/// <param name="Id">Its id in the vocabulary.</param>
/// <param name="Bytes">Its text as UTF-8 bytes (a token may hold part of a character).</param>
/// <param name="LogProbability">Its log-probability under the model's softmax of the logits.</param>
public sealed record GeneratedToken(int Id, byte[] Bytes, double LogProbability)
{
    /// <summary>The most likely tokens at its position, most likely first, when the request asked for them.</summary>
    public IReadOnlyList<GeneratedToken> Alternatives { get; init; } = [];
}

/// <summary>One step of a completion being generated, reported as it happens.</summary>
/// <param name="Candidate">Which of the request's candidates grew (<see cref="InfillCompletion.Index"/>).</param>
/// <param name="Token">The token generated.</param>
/// <param name="Text">
/// The text the completion gained for good: empty while it may still turn out to be part of a stop text or a line the
/// indentation rule cuts, so that the pieces always add up to the final completion.
/// </param>
public sealed record InfillProgress(int Candidate, GeneratedToken Token, string Text);
