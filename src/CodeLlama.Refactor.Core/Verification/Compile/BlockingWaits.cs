using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Blocking on a task (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>) compiles where an <c>await</c>
/// is missing, and can deadlock under a synchronisation context and wraps exceptions: never a fix. A wait is a member
/// of a task, or of a task's awaiter, that blocks until the task is done; counting them before and after an edit finds
/// the ones a candidate adds.
/// </summary>
internal static class BlockingWaits
{
    private static readonly HashSet<string> Names = ["Result", "Wait", "GetResult", "WaitAll", "WaitAny"];

    /// <summary>The blocking waits <paramref name="after"/> has beyond those of <paramref name="before"/>, as "Task&lt;int&gt;.Result".</summary>
    public static async Task<string?> FirstAddedAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var had = (await FindAsync(before, cancellationToken).ConfigureAwait(false)).CountBy(wait => wait).ToDictionary();
        foreach (var wait in await FindAsync(after, cancellationToken).ConfigureAwait(false))
        {
            if (had.GetValueOrDefault(wait) == 0)
            {
                return wait;
            }

            had[wait]--;
        }

        return null;
    }

    private static async Task<IReadOnlyList<string>> FindAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var names = root?.DescendantNodes().OfType<SimpleNameSyntax>().Where(name => Names.Contains(name.Identifier.ValueText)).ToList() ?? [];
        if (names.Count == 0)
        {
            return [];
        }

        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        return names.Select(name => model.GetSymbolInfo(name, cancellationToken).Symbol)
            .Where(symbol => symbol is not null && IsWait(symbol))
            .Select(symbol => $"{symbol!.ContainingType.ToDisplayString()}.{symbol.Name}")
            .ToList();
    }

    private static bool IsWait(ISymbol symbol) => symbol.ContainingType is { } type
        && type.ContainingNamespace?.ToDisplayString() is "System.Threading.Tasks" or "System.Runtime.CompilerServices"
        && (symbol.Name is "GetResult" ? type.Name.EndsWith("Awaiter", StringComparison.Ordinal)
            : type.Name is "Task" or "ValueTask");
}
