using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Deleting the code that fails to compile makes the error go away, and what the code was for with it: never a fix.
/// Precisely: compared token by token (the common leading and trailing tokens set aside), the tokens the edit puts in
/// are a subsequence of the tokens it takes out (nothing new is written, only some of the old kept), and the ones it
/// drops include code: an identifier, a literal or a keyword other than a modifier. Dropping only punctuation or
/// modifiers (a stray <c>)</c>, a misplaced <c>static</c>) is a repair of form and stays allowed, and so is dropping
/// whole arguments of calls that pass more arguments than any method of their name takes
/// (<see cref="SurplusArguments"/>): the change that removed the parameter, completed at its calls.
/// </summary>
internal static class DeletedCode
{
    public static async Task<bool> DeletesAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var old = Tokens(await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));
        var @new = Tokens(await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false));
        var prefix = 0;
        while (prefix < old.Count && prefix < @new.Count && old[prefix].Same(@new[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < @new.Count - prefix && old[^(suffix + 1)].Same(@new[^(suffix + 1)]))
        {
            suffix++;
        }

        var removed = old.Skip(prefix).Take(old.Count - prefix - suffix).ToList();
        var inserted = @new.Skip(prefix).Take(@new.Count - prefix - suffix).ToList();
        return removed.Count > inserted.Count && IsSubsequence(inserted, removed, out var dropped) && dropped.Any(token => token.IsCode)
            && !await SurplusArguments.AreAllAsync(before, [.. dropped.Select(token => token.Source)], cancellationToken).ConfigureAwait(false);
    }

    private static bool IsSubsequence(IReadOnlyList<Token> inner, IReadOnlyList<Token> outer, out IReadOnlyList<Token> dropped)
    {
        var kept = 0;
        var left = new List<Token>();
        foreach (var token in outer)
        {
            if (kept < inner.Count && inner[kept].Same(token))
            {
                kept++;
            }
            else
            {
                left.Add(token);
            }
        }

        dropped = left;
        return kept == inner.Count;
    }

    private static List<Token> Tokens(SyntaxNode? root) =>
        root?.DescendantTokens().Where(token => !token.IsKind(SyntaxKind.EndOfFileToken) && !token.IsMissing)
            .Select(token => new Token(token.Text, IsCode(token.Kind()), token))
            .ToList() ?? [];

    // Punctuation and modifiers shape code; identifiers, literals and the other keywords (return, new, null, ...) are it.
    private static bool IsCode(SyntaxKind kind) => !SyntaxFacts.IsPunctuation(kind) && !Modifiers.Contains(kind);

    private static readonly HashSet<SyntaxKind> Modifiers =
    [
        SyntaxKind.PublicKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.InternalKeyword, SyntaxKind.FileKeyword,
        SyntaxKind.StaticKeyword, SyntaxKind.ReadOnlyKeyword, SyntaxKind.SealedKeyword, SyntaxKind.AbstractKeyword, SyntaxKind.VirtualKeyword,
        SyntaxKind.OverrideKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.PartialKeyword, SyntaxKind.ConstKeyword, SyntaxKind.ExternKeyword,
        SyntaxKind.UnsafeKeyword, SyntaxKind.VolatileKeyword, SyntaxKind.RequiredKeyword, SyntaxKind.RefKeyword, SyntaxKind.InKeyword,
        SyntaxKind.OutKeyword, SyntaxKind.ParamsKeyword,
    ];

    // A token as compared (its text), with where it stands in its tree.
    private sealed record Token(string Text, bool IsCode, SyntaxToken Source)
    {
        public bool Same(Token other) => Text == other.Text && IsCode == other.IsCode;
    }
}
