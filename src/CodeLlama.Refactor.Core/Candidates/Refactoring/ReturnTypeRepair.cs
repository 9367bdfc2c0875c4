using CodeLlama.Refactor.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// The uses of a method whose return type the change under review altered, as one group: every error about a call of
/// it (its value assigned, passed or used where the old type was). Completing the change gives each local declared
/// with the old type and initialised with the call the new type; where a use is anything else there is no completion.
/// Reverting puts the declaration's return type back. The compiler's errors here (CS0029, CS0266, CS1503, CS1061 …)
/// say nothing of the change, so only the change's evidence makes them one group.
/// </summary>
internal static class ReturnTypeRepair
{
    /// <summary>The candidates for <paramref name="diagnostic"/> when it is about a call of a method whose return type changed.</summary>
    public static async Task<IReadOnlyList<Candidate>> CandidatesAsync(Document document, Diagnostic diagnostic, ChangeEvidence evidence, CancellationToken cancellationToken)
    {
        var changes = evidence.Changes.Where(change => change.Kinds.HasFlag(DeclarationChangeKinds.ReturnTypeChanged)).ToList();
        if (changes.Count == 0 || await ErrorSite.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } site
            || CalledMethod(site.Node, site.Model, changes, cancellationToken) is not { } called)
        {
            return [];
        }

        var (method, change) = called;
        var solution = document.Project.Solution;
        var uses = await UsesAsync(solution, method, changes, cancellationToken).ConfigureAwait(false);
        var group = new ErrorGroup($"changed member '{method.ToDisplayString()}'", [.. uses.Select(use => DiagnosticKey.From(use.Diagnostic))]);
        var candidates = new List<Candidate>();
        if (Complete(uses, cancellationToken) is { } edit
            && await edit.ApplyAsync(solution, cancellationToken).ConfigureAwait(false) is { } completed)
        {
            candidates.Add(new Candidate(RefactoringSource.SourceName, $"Complete the change of '{method.Name}' at {uses.Count} use(s): locals take '{change.After.ReturnType}'", completed, Preferences.Complete) { Group = group });
        }

        var revert = new GroupEdit();
        foreach (var (declaringDocument, declaration) in await Declarations.FindAsync(solution, change.After, cancellationToken).ConfigureAwait(false))
        {
            Declarations.Resign(revert, declaringDocument, declaration, change.Before);
        }

        if (!revert.IsEmpty && await revert.ApplyAsync(solution, cancellationToken).ConfigureAwait(false) is { } reverted)
        {
            candidates.Add(new Candidate(RefactoringSource.SourceName, $"Revert the declaration of '{method.Name}' to return '{change.Before.ReturnType}'", reverted, Preferences.Revert) { Group = group });
        }

        return candidates;
    }

    /// <summary>One error about a call of the changed method, with the call.</summary>
    private sealed record Use(Document Document, Diagnostic Diagnostic, InvocationExpressionSyntax Call, SemanticModel Model);

    // The method of a changed return type called where the error is: the call covers the error's node, or the error's
    // node holds the call (an argument, an initializer), within one statement.
    private static (IMethodSymbol Method, DeclarationChange Change)? CalledMethod(SyntaxNode node, SemanticModel model, IReadOnlyList<DeclarationChange> changes, CancellationToken cancellationToken)
    {
        var statement = node.AncestorsAndSelf().FirstOrDefault(ancestor => ancestor is StatementSyntax or MemberDeclarationSyntax or ArrowExpressionClauseSyntax);
        var calls = node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Concat(node.Ancestors().TakeWhile(ancestor => ancestor != statement).OfType<InvocationExpressionSyntax>());
        foreach (var call in calls)
        {
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol bound
                && (bound.ReducedFrom ?? bound).OriginalDefinition is var method
                && changes.FirstOrDefault(change => Declarations.Declare(method, change.After, cancellationToken)) is { } change)
            {
                return (method, change);
            }
        }

        return null;
    }

    // Every error of the solution about a call of the method; a file compiled by several projects counts once.
    private static async Task<IReadOnlyList<Use>> UsesAsync(Solution solution, IMethodSymbol method, IReadOnlyList<DeclarationChange> changes, CancellationToken cancellationToken)
    {
        var uses = new List<Use>();
        var seen = new HashSet<(string?, Microsoft.CodeAnalysis.Text.TextSpan, string)>();
        foreach (var project in solution.Projects)
        {
            if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                continue;
            }

            foreach (var diagnostic in compilation.GetDiagnostics(cancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
            {
                if (diagnostic.Location.SourceTree is not { } tree || project.GetDocument(tree) is not { } document
                    || !seen.Add((tree.FilePath, diagnostic.Location.SourceSpan, diagnostic.Id)))
                {
                    continue;
                }

                var model = compilation.GetSemanticModel(tree);
                var node = (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (CalledMethod(node, model, changes, cancellationToken) is { } called && SymbolEqualityComparer.Default.Equals(called.Method, method)
                    && node.DescendantNodesAndSelf().Concat(node.Ancestors()).OfType<InvocationExpressionSyntax>().FirstOrDefault(call => IsCallOf(call, method, model, cancellationToken)) is { } call)
                {
                    uses.Add(new Use(document, diagnostic, call, model));
                }
            }
        }

        return uses;
    }

    private static bool IsCallOf(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol bound && SymbolEqualityComparer.Default.Equals((bound.ReducedFrom ?? bound).OriginalDefinition, method);

    // Each use a local declared with a type of its own and initialised with the call: it takes the new return type.
    private static GroupEdit? Complete(IReadOnlyList<Use> uses, CancellationToken cancellationToken)
    {
        var edit = new GroupEdit();
        foreach (var use in uses)
        {
            if (use.Call.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: { IsVar: false } type, Variables.Count: 1 } } }
                || use.Model.GetTypeInfo(use.Call, cancellationToken).Type is not { TypeKind: not TypeKind.Error } returned)
            {
                return null;
            }

            edit.Replace(use.Document.Id, type.Span, returned.ToMinimalDisplayString(use.Model, type.SpanStart));
        }

        return edit.IsEmpty ? null : edit;
    }
}
