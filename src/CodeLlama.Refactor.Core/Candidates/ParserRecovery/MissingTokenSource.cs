using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.ParserRecovery;

/// <summary>
/// Makes real the tokens the parser reported missing (<c>;</c>, <c>)</c>, <c>}</c>, …) at the error's position: the
/// parser already knows what it expected there.
/// </summary>
public sealed class MissingTokenSource : ICandidateSource
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || !diagnostic.Location.IsInSource)
        {
            return [];
        }

        // The error sits where the token should have been (right after the previous token); the missing token itself
        // is placed before the next real token, after any line break in between.
        var position = diagnostic.Location.SourceSpan.Start;
        var nextReal = root.FindToken(position).GetNextToken(includeZeroWidth: false);
        var end = nextReal.RawKind == 0 ? root.FullSpan.End : nextReal.SpanStart;
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return root.DescendantTokens(TextSpan.FromBounds(Math.Max(0, position - 1), end))
            .Where(token => token.IsMissing && token.SpanStart >= position && token.SpanStart <= end)
            .Select(token => SyntaxFacts.GetText(token.Kind()))
            .Where(missing => missing.Length > 0)
            .Select(missing => new Candidate(
                "parser",
                $"Insert '{missing}'",
                document.WithText(text.WithChanges(new TextChange(new TextSpan(position, 0), missing))).Project.Solution,
                0))
            .DistinctBy(candidate => candidate.Title)
            .ToList();
    }
}
