using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Arguments a call passes beyond what the method takes: after a parameter was removed from a declaration, its calls
/// still pass the argument, and dropping it completes the change rather than deleting what the code was for. Narrowly:
/// every dropped token is punctuation or lies in an argument dropped whole, and each such call binds to no method
/// because every method of its name takes fewer parameters than it passes arguments (none of them a params array).
/// </summary>
internal static class SurplusArguments
{
    /// <summary>Whether the code among <paramref name="dropped"/> (tokens of <paramref name="before"/>) is only surplus arguments, dropped whole.</summary>
    public static async Task<bool> AreAllAsync(Document before, IReadOnlyList<SyntaxToken> dropped, CancellationToken cancellationToken)
    {
        var tokens = dropped.ToHashSet();
        var arguments = new HashSet<ArgumentSyntax>();
        foreach (var token in dropped.Where(token => !SyntaxFacts.IsPunctuation(token.Kind())))
        {
            // The outermost argument dropped whole: `Log(text, Format(level))` drops `Format(level)`, not just `level`.
            if (token.Parent?.AncestorsAndSelf().OfType<ArgumentSyntax>().LastOrDefault(argument => argument.DescendantTokens().All(tokens.Contains)) is not { } argument)
            {
                return false;
            }

            arguments.Add(argument);
        }

        if (arguments.Count == 0 || await before.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return false;
        }

        return arguments.All(argument => argument.Parent is ArgumentListSyntax { Parent: { } call } list && TakesFewer(model.GetSymbolInfo(call, cancellationToken), list.Arguments.Count));
    }

    // The call binds to nothing, and each method it could mean takes fewer arguments than it passes.
    private static bool TakesFewer(SymbolInfo info, int passed) =>
        info.Symbol is null && info.CandidateSymbols.Length > 0
        && info.CandidateSymbols.All(symbol => symbol is IMethodSymbol method && method.Parameters.Length < passed && !method.Parameters.Any(parameter => parameter.IsParams));
}
