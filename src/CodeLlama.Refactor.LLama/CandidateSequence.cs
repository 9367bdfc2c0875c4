using System.Text;
using CodeLlama.Refactor.Inference;
using LLama;
using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// One completion being generated: its sampler, its tokens and text so far, and the rules that end it (an end token, a
/// stop text, a line indented less than asked, the time limit once a line is complete). Each token is reported to the
/// request's <see cref="InfillRequest.Progress"/> with the text it settled.
/// </summary>
internal sealed class CandidateSequence(LLamaWeights weights, TokenSampler sampler, LLamaSeqId sequence, int index)
{
    private readonly StreamingTokenDecoder decoder = new(Encoding.UTF8, weights);
    private readonly StringBuilder text = new();
    private readonly List<GeneratedToken> tokens = [];
    private int lineStart = -1;
    private int reported;

    /// <summary>Which of the request's candidates it is.</summary>
    public int Index { get; } = index;

    /// <summary>The tokens generated so far.</summary>
    public IReadOnlyList<GeneratedToken> Tokens => tokens;

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

    /// <summary>Adds a sampled token, applies the request's stopping rules and reports it; false when the sequence ended.</summary>
    public bool Add(GeneratedToken token, InfillJob job)
    {
        TokenCount++;
        LogProbability += token.LogProbability;
        tokens.Add(token);
        decoder.Add((LLamaToken)token.Id);
        text.Append(decoder.Read());
        var going = Continues(job);
        if (job.Request.Progress is { } progress)
        {
            var settled = going ? Settled(job.Request) : text.Length;
            var gained = settled > reported ? text.ToString(reported, settled - reported) : string.Empty;
            reported = Math.Max(reported, settled);
            progress(new InfillProgress(Index, token, gained));
        }

        return going;
    }

    // The length of the text no later token can take back: not a tail that may be the start of a stop text, nor a line
    // whose indentation is still undecided under MinIndent.
    private int Settled(InfillRequest request)
    {
        var current = text.ToString();
        var settled = current.Length;
        foreach (var stop in request.Stop)
        {
            for (var length = Math.Min(stop.Length - 1, current.Length); length > 0; length--)
            {
                if (current.AsSpan(current.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    settled = Math.Min(settled, current.Length - length);
                    break;
                }
            }
        }

        var newline = current.LastIndexOf('\n');
        if (request.MinIndent is > 0 && newline >= 0 && current.AsSpan(newline + 1).Trim(" \t").IsEmpty)
        {
            settled = Math.Min(settled, newline + 1);
        }

        return settled;
    }

    private bool Continues(InfillJob job)
    {
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
