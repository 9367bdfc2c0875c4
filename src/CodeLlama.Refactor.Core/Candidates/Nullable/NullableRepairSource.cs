using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Nullable;

/// <summary>
/// Repairs nullable warnings the project treats as errors (CS8600, CS8601, CS8602, CS8603, CS8604, CS8618, CS8625, and
/// CS8765/CS8767 where an override or implementation dropped its base member's <c>?</c>) two
/// ways, and lets the tests choose: the declaration says the value may be null (<c>string?</c>, what a removed
/// <c>?</c> leaves to restore), or a null check the project already writes goes before the use
/// (<see cref="NullChecks"/>). Both are guesses (<see cref="TypeDirected.Guesses"/>): each changes what the code means
/// for null. Never a <c>!</c>, a <c>#nullable disable</c> or a pragma: those hide the warning without deciding what null
/// means, and the verifier refuses them from any source.
/// </summary>
public sealed class NullableRepairSource : ICandidateSource
{
    /// <summary>The <see cref="Candidate.Source"/> of these candidates.</summary>
    public const string SourceName = "nullable";

    /// <summary>The kind of these candidates for the ranking: type-directed guesses, like <see cref="TypeDirected.TypeDirectedSource.Preference"/>.</summary>
    public const int Preference = 3;

    private static readonly HashSet<string> ErrorIds = ["CS8600", "CS8601", "CS8602", "CS8603", "CS8604", "CS8618", "CS8625", "CS8765", "CS8767"];

    /// <inheritdoc/>
    public CandidateTrust Trust => CandidateTrust.Trusted;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!ErrorIds.Contains(diagnostic.Id) || await ErrorSite.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { Model: var model, Node: var node })
        {
            return [];
        }

        var candidates = new List<Candidate>();
        if (await AnnotateAsync(document.Project.Solution, NullableDeclarations.Of(node, model, diagnostic, cancellationToken), cancellationToken).ConfigureAwait(false) is { } annotated)
        {
            candidates.Add(annotated);
        }

        var value = node is ArgumentSyntax argument ? argument.Expression : node;
        if (diagnostic.Id is "CS8602" or "CS8604" && value is IdentifierNameSyntax name
            && value.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault() is { Parent: BlockSyntax } statement)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (check, kind) in await NullChecks.ForAsync(document, model, name, cancellationToken).ConfigureAwait(false))
            {
                if (Before(text, statement, check) is not { } change)
                {
                    break;
                }

                candidates.Add(new Candidate(SourceName, $"Check '{name.Identifier.ValueText}' for null first ({kind})",
                    document.WithText(text.WithChanges(change)).Project.Solution, Preference) { Rank = candidates.Count });
            }
        }

        return candidates;
    }

    private static async Task<Candidate?> AnnotateAsync(Solution solution, ISymbol? symbol, CancellationToken cancellationToken)
    {
        if (symbol is null || NullableDeclarations.TypeOf(symbol, cancellationToken) is not { } type
            || solution.GetDocument(type.SyntaxTree) is not { } declaring)
        {
            return null;
        }

        var text = await declaring.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var edited = declaring.WithText(text.WithChanges(new TextChange(new TextSpan(type.Span.End, 0), "?"))).Project.Solution;
        return new Candidate(SourceName, $"Declare '{symbol.Name}' as nullable ('{type}?')", edited, Preference);
    }

    // The check on lines of its own before the statement, indented like it; none where the statement shares its line.
    private static TextChange? Before(SourceText text, StatementSyntax statement, string check)
    {
        var line = text.Lines.GetLineFromPosition(statement.SpanStart);
        var indent = text.ToString(TextSpan.FromBounds(line.Start, statement.SpanStart));
        if (indent.Any(character => !char.IsWhiteSpace(character)))
        {
            return null;
        }

        var newLine = text.ToString().Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = check.Split('\n').Select(part => indent + part);
        return new TextChange(new TextSpan(line.Start, 0), string.Join(newLine, lines) + newLine + newLine);
    }
}
