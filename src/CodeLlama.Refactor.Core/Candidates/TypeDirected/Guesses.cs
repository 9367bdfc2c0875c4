using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// Which candidates are guesses: ones their source cannot tell from their siblings by kind (an in-scope value of the
/// right type, <c>default</c>, a declaration made nullable or a null check added, a changed declared type, a conversion, one of several argument orders, a related name),
/// and any edit that makes a member call itself (a spelling fix from <c>Pay</c> to the enclosing <c>WeeklyPay</c>
/// compiles, and recurses without end). A guess is written only when a test reaches the member it changes and every
/// such test passes; what the parser expected, a spelling fix and a missing using keep the rules of deterministic
/// repairs.
/// </summary>
public static class Guesses
{
    /// <summary>Whether a candidate of <paramref name="source"/> is a guess by its kind.</summary>
    /// <param name="source">The candidate's <see cref="Candidate.Source"/>.</param>
    /// <returns>True for a guess.</returns>
    public static bool IsGuess(string source) =>
        source is TypeDirectedSource.SourceName or Nullable.NullableRepairSource.SourceName or Refactoring.RefactoringSource.GuessSourceName;

    /// <summary>Whether <paramref name="candidate"/> is a guess: by its kind, or because it makes a member call itself.</summary>
    /// <param name="before">The solution the candidate was made for.</param>
    /// <param name="candidate">The candidate.</param>
    /// <param name="cancellationToken">Cancels reading the documents.</param>
    /// <returns>True for a guess.</returns>
    public static async Task<bool> IsGuessAsync(Solution before, Candidate candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(candidate);
        return IsGuess(candidate.Source) || await CallsItselfAsync(before, candidate.Solution, cancellationToken).ConfigureAwait(false);
    }

    // A name the edit writes that refers to the member the edit is in.
    private static async Task<bool> CallsItselfAsync(Solution before, Solution after, CancellationToken cancellationToken)
    {
        var changed = after.GetChanges(before).GetProjectChanges().SelectMany(project => project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true));
        foreach (var id in changed.Distinct())
        {
            if (before.GetDocument(id) is not { } original || after.GetDocument(id) is not { } edited
                || await edited.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            var root = await model.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var offset = 0;
            foreach (var change in await edited.GetTextChangesAsync(original, cancellationToken).ConfigureAwait(false))
            {
                var span = new Microsoft.CodeAnalysis.Text.TextSpan(change.Span.Start + offset, change.NewText?.Length ?? 0);
                offset += (change.NewText?.Length ?? 0) - change.Span.Length;
                foreach (var name in root.DescendantNodes(span).OfType<SimpleNameSyntax>().Where(name => span.IntersectsWith(name.Span)))
                {
                    var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                    if (symbol is IMethodSymbol && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, model.GetEnclosingSymbol(name.SpanStart, cancellationToken)?.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
