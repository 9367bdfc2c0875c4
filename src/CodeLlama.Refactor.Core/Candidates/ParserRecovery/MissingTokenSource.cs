using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.ParserRecovery;

/// <summary>
/// Makes real the tokens the parser reported missing (<c>;</c>, <c>)</c>, <c>}</c>, …) around the error's position:
/// the parser already knows what it expected there. Each is inserted right after the real token before it.
/// </summary>
public sealed class MissingTokenSource : ICandidateSource
{
    /// <inheritdoc/>
    public CandidateTrust Trust => CandidateTrust.Trusted;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || !diagnostic.Location.IsInSource)
        {
            return [];
        }

        // A fresh parse reports the error right after the previous token; an incremental reparse may report it on the
        // next real token instead (a ';' missing before '}' reported at the '}'). Either way the missing token lies
        // between the real token before the position and the first real token at or after it.
        var position = diagnostic.Location.SourceSpan.Start;
        var (start, end) = Gap(root, position);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return root.DescendantTokens(TextSpan.FromBounds(Math.Max(0, start - 1), end))
            .Where(token => token.IsMissing && token.SpanStart >= start && token.SpanStart <= end)
            .Select(token => (Text: SyntaxFacts.GetText(token.Kind()), At: AfterPreviousReal(token, start)))
            .Where(missing => missing.Text.Length > 0)
            .Select(missing => new Candidate(
                "parser",
                $"Insert '{missing.Text}'",
                document.WithText(text.WithChanges(new TextChange(new TextSpan(missing.At, 0), missing.Text))).Project.Solution,
                0))
            .DistinctBy(candidate => candidate.Title)
            .ToList();
    }

    // From the end of the last real token that ends at or before the position to the start of the first real token
    // that starts at or after it.
    private static (int Start, int End) Gap(SyntaxNode root, int position)
    {
        var token = root.FindToken(position);
        while (token.RawKind != 0 && (token.IsMissing || token.SpanStart < position && token.Span.End > position))
        {
            token = token.GetPreviousToken(includeZeroWidth: false);
        }

        var previous = token.RawKind != 0 && token.Span.End <= position ? token : token.GetPreviousToken(includeZeroWidth: false);
        var next = previous.RawKind == 0 ? root.GetFirstToken(includeZeroWidth: false) : previous.GetNextToken(includeZeroWidth: false);
        var start = previous.RawKind == 0 ? 0 : previous.Span.End;
        var end = next.RawKind == 0 ? root.FullSpan.End : Math.Max(next.SpanStart, position);
        return (Math.Min(start, position), end);
    }

    private static int AfterPreviousReal(SyntaxToken missing, int fallback)
    {
        var previous = missing.GetPreviousToken(includeZeroWidth: false);
        return previous.RawKind == 0 ? fallback : previous.Span.End;
    }
}
