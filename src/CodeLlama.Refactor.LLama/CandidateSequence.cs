using System.Text;
using LLama;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// One completion being generated: its sampler, its tokens and text so far, and the rules that end it (an end token, a
/// stop text, a line indented less than asked, the time limit once a line is complete).
/// </summary>
internal sealed class CandidateSequence(LLamaWeights weights, TokenSampler sampler, LLamaSeqId sequence)
{
    private readonly StreamingTokenDecoder decoder = new(Encoding.UTF8, weights);
    private readonly StringBuilder text = new();
    private int lineStart = -1;

    public TokenSampler Sampler { get; } = sampler;

    public LLamaSeqId Sequence { get; } = sequence;

    public int TokenCount { get; private set; }

    public double LogProbability { get; private set; }

    /// <summary>True once the model ended it itself or a stop text was reached.</summary>
    public bool Finished { get; private set; }

    /// <summary>True once it may not grow any more, for whatever reason.</summary>
    public bool Done { get; private set; }

    public string? StoppingWord { get; private set; }

    /// <summary>The batch index of the logits that pick its next token.</summary>
    public int LogitIndex { get; set; }

    public string Text => text.ToString();

    public void End(bool finished)
    {
        Finished |= finished;
        Done = true;
    }

    /// <summary>Adds a sampled token and applies the request's stopping rules; false when the sequence ended.</summary>
    public bool Add(LLamaToken token, double logProbability, InfillJob job)
    {
        TokenCount++;
        LogProbability += logProbability;
        decoder.Add(token);
        text.Append(decoder.Read());
        var request = job.Request;
        foreach (var stop in request.Stop)
        {
            var at = stop.Length == 0 ? -1 : text.ToString().IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0)
            {
                text.Length = at;
                StoppingWord = stop;
                End(finished: true);
                return false;
            }
        }

        if (request.MinIndent is > 0 and var indent && IndentedLess(indent))
        {
            End(finished: false);
            return false;
        }

        if (request.TimeLimit is { } limit && job.GenerationTime > limit && text.ToString().Contains('\n', StringComparison.Ordinal))
        {
            End(finished: false);
            return false;
        }

        return true;
    }

    // As llama.cpp's n_indent: once a line after the first has a character that is not indentation, the completion ends
    // before that line if its indentation is shallower than asked.
    private bool IndentedLess(int indent)
    {
        var current = text.ToString();
        if (lineStart < 0)
        {
            var newline = current.IndexOf('\n', StringComparison.Ordinal);
            if (newline < 0)
            {
                return false;
            }

            lineStart = newline + 1;
        }

        while (true)
        {
            var position = lineStart;
            while (position < current.Length && current[position] is ' ' or '\t')
            {
                position++;
            }

            if (position >= current.Length)
            {
                return false;
            }

            if (position - lineStart < indent)
            {
                text.Length = lineStart;
                return true;
            }

            var next = current.IndexOf('\n', position);
            if (next < 0)
            {
                return false;
            }

            lineStart = next + 1;
        }
    }
}
