using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Async;

/// <summary>
/// Repairs a missing <c>await</c>: a task used where its result is expected (CS0029, CS0266, CS1503; CS4016 in an
/// <c>async</c> method; CS1061, CS0019, CS0023 on a task's members or operators; CS0411, CS1929 on an extension
/// method of the task's value, <c>Any()</c> on a task of a list) is awaited, and the code around it
/// becomes <c>async</c> as far as that takes (<see cref="AsyncRewrite"/>). Blocking on the task instead is never offered,
/// and refused from any source (<see cref="Verification.NeverAFix"/>).
/// </summary>
public sealed class MissingAwaitSource : ICandidateSource
{
    /// <summary>The <see cref="Candidate.Source"/> of these candidates.</summary>
    public const string SourceName = "async";

    /// <summary>
    /// The kind of these candidates for the ranking: a correction that uses what exists (the task's own result), like a
    /// spelling fix, ahead of type-directed guesses and generated members.
    /// </summary>
    public const int Preference = 1;

    private static readonly HashSet<string> ErrorIds = ["CS4016", "CS0029", "CS0266", "CS1503", "CS1061", "CS0019", "CS0023", "CS0411", "CS1929"];

    /// <inheritdoc/>
    public CandidateTrust Trust => CandidateTrust.Trusted;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!ErrorIds.Contains(diagnostic.Id) || await ErrorSite.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } site)
        {
            return [];
        }

        var candidates = new List<Candidate>();
        var tasks = Operands(site.Node).Where(operand => operand.Parent is not AwaitExpressionSyntax
            && TaskTypes.IsTask(site.Model.GetTypeInfo(operand, cancellationToken).Type)).ToList();
        foreach (var task in tasks.SelectMany(task => FedBy(task, site.Model, cancellationToken) is { } initializer ? new[] { initializer, task } : [task]))
        {
            var rewrite = new AsyncRewrite(document.Project.Solution);
            if (await rewrite.AwaitAsync(document, task, cancellationToken).ConfigureAwait(false))
            {
                candidates.Add(new Candidate(SourceName, Title(task, rewrite), await rewrite.ApplyAsync(cancellationToken).ConfigureAwait(false), Preference)
                {
                    Rank = candidates.Count,
                });
            }
        }

        return candidates;
    }

    // The task a `var` local was initialised with, where the error is a use of that local: awaited there, the local
    // holds the value every use of it expects, and the task is awaited once rather than at each use.
    private static ExpressionSyntax? FedBy(ExpressionSyntax task, SemanticModel model, CancellationToken cancellationToken) =>
        task is IdentifierNameSyntax && model.GetSymbolInfo(task, cancellationToken).Symbol is ILocalSymbol { DeclaringSyntaxReferences: [var reference] }
        && reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value, Parent: VariableDeclarationSyntax { Type.IsVar: true, Variables.Count: 1 } }
        && value is not AwaitExpressionSyntax
            ? value
            : null;

    // The expressions the error may be about: the one it marks, the receiver of a member a task lacks, an operator's operands.
    private static IEnumerable<ExpressionSyntax> Operands(SyntaxNode node)
    {
        var marked = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
        if (marked?.Parent is MemberAccessExpressionSyntax access && access.Name == marked)
        {
            yield return access.Expression;
        }

        switch (marked)
        {
            case BinaryExpressionSyntax binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case PrefixUnaryExpressionSyntax unary:
                yield return unary.Operand;
                break;
            case not null:
                yield return marked;
                break;
        }
    }

    private static string Title(ExpressionSyntax task, AsyncRewrite rewrite)
    {
        var title = $"Await '{task}'";
        if (rewrite.AsyncFunctions.Count > 0)
        {
            title += $" and make {string.Join(", ", rewrite.AsyncFunctions.Select(name => $"'{name}'"))} async";
        }

        return rewrite.CallersAwaited > 0 ? $"{title}, awaiting its {rewrite.CallersAwaited} call(s)" : title;
    }
}
