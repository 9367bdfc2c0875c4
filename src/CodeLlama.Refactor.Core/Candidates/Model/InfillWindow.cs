using CodeLlama.Refactor.Inference;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Model;

/// <summary>
/// The text a prompt shows around a gap. The whole file when it fits the context; otherwise a window: the file's
/// usings and the declaration lines of the types around the gap, then as many whole lines just before the gap and just
/// after it as fit (three quarters of the room before, the rest after, since the model continues the prefix).
/// </summary>
/// <param name="Prefix">The text before the gap.</param>
/// <param name="Suffix">The text after the gap.</param>
/// <param name="IsWindowed">True when the file was cut to fit.</param>
public sealed record InfillWindow(string Prefix, string Suffix, bool IsWindowed)
{
    /// <summary>Tokens kept free for the special tokens of the prompt.</summary>
    private const int SpecialTokens = 8;

    /// <summary>Tokens kept free for the markers around repository context (a project and a file name, separators).</summary>
    private const int ContextTokens = 16;

    /// <summary>Fits <paramref name="prefix"/> and <paramref name="suffix"/> into the model's context.</summary>
    /// <param name="root">The file's syntax root.</param>
    /// <param name="anchor">Where the gap is in <paramref name="root"/>'s text, to find the types around it.</param>
    /// <param name="prefix">All the text before the gap.</param>
    /// <param name="suffix">All the text after the gap that the prompt may show.</param>
    /// <param name="model">Counts tokens and gives the budget.</param>
    /// <param name="context">
    /// Repository context that goes into the same prompt beside the prefix (the request's <see cref="InfillRequest.Extra"/>,
    /// e.g. a <see cref="DeclarationHeader"/>): its tokens are kept free; it is not part of the window. Empty for none.
    /// </param>
    /// <returns>The prefix and suffix to show.</returns>
    public static InfillWindow Fit(SyntaxNode root, int anchor, string prefix, string suffix, IInfillModel model, string context = "")
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffix);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var budget = model.ContextSize - model.MaxNewTokens - SpecialTokens - (context.Length == 0 ? 0 : ContextTokens + model.CountTokens(context));
        if (model.CountTokens(prefix) + model.CountTokens(suffix) <= budget)
        {
            return new InfillWindow(prefix, suffix, false);
        }

        var header = Header(root, anchor);
        var room = Math.Max(0, budget - model.CountTokens(Join(header)));
        var before = TailLines(prefix, room * 3 / 4, model);
        var after = HeadLines(suffix, room - model.CountTokens(before), model);
        // The lines kept before the gap may reach back over some of the header's: those are shown once, where they are.
        var shownFrom = prefix.Length - before.Length;
        return new InfillWindow(Join(header.Where(line => line.Position < shownFrom)) + before, after, true);
    }

    private static string Join(IEnumerable<(int Position, string Text)> lines) =>
        string.Concat(lines.Select(line => line.Text + "\n"));

    // The usings, then each enclosing namespace/type declaration line, outermost first, each with where it starts in
    // the file (a brace added after a declaration line that has none counts as that line).
    private static List<(int Position, string Text)> Header(SyntaxNode root, int position)
    {
        var text = root.GetText();
        var lines = new List<(int Position, string Text)>();
        if (root is CompilationUnitSyntax unit)
        {
            lines.AddRange(unit.Usings.Select(@using => (@using.SpanStart, @using.ToString())));
        }

        var token = root.FindToken(Math.Min(position, Math.Max(0, root.FullSpan.End - 1)));
        var containers = token.Parent?.AncestorsAndSelf().Where(node => node is BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax)
            .Where(node => node.SpanStart < position).Reverse() ?? [];
        foreach (var container in containers)
        {
            var line = text.Lines.GetLineFromPosition(container is MemberDeclarationSyntax member ? Keyword(member) : container.SpanStart);
            lines.Add((line.Start, line.ToString()));
            if (container is not FileScopedNamespaceDeclarationSyntax && !line.ToString().Contains('{', StringComparison.Ordinal))
            {
                lines.Add((line.Start, new string(' ', line.ToString().TakeWhile(char.IsWhiteSpace).Count()) + "{"));
            }
        }

        return lines;
    }

    private static int Keyword(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.SpanStart,
        _ => member.SpanStart,
    };

    private static string TailLines(string text, int budget, IInfillModel model)
    {
        var lines = text.Split('\n');
        var taken = Fitting(lines.Length, count => string.Join('\n', lines[^count..]), budget, model);
        return taken;
    }

    private static string HeadLines(string text, int budget, IInfillModel model)
    {
        var lines = text.Split('\n');
        return Fitting(lines.Length, count => string.Join('\n', lines[..count]), budget, model);
    }

    // The longest text that fits, by binary search on the number of lines; at least the gap's own line when it fits.
    private static string Fitting(int lineCount, Func<int, string> take, int budget, IInfillModel model)
    {
        int low = 0, high = lineCount;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (model.CountTokens(take(middle)) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low == 0 ? string.Empty : take(low);
    }
}
