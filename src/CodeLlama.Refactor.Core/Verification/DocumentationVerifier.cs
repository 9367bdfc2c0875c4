using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Proves documentation edits: the code without comments is unchanged, and no documentation diagnostic (malformed
/// XML, bad cref, a param tag that names nothing, …) appears that was not there before: diagnostics are compared by
/// identity (id, message, place), so one traded for another of the same id is a new one.
/// </summary>
/// <remarks>
/// Each project's edited trees are swapped into its existing compilation, whose references stay as they are: a
/// comment changes no signature, so the referenced projects need no recompilation. The edited compilation goes through
/// the compiler's documentation pass alone (<see cref="DocumentationPass"/>), which binds declarations and comments but no
/// method body; only where a declaration does not compile, and that pass cannot run, is it diagnosed in full. The
/// diagnostics before the edit are read only for a file that shows a guarded diagnostic after it, and only in that file.
/// </remarks>
/// <param name="before">The solution as loaded.</param>
/// <param name="edits">The new text of each edited document.</param>
public sealed class DocumentationVerifier(Solution before, IReadOnlyDictionary<DocumentId, SourceText> edits)
{
    // CS1591 is what the edits remove; every other documentation diagnostic must not grow.
    private static readonly IReadOnlySet<string> Guarded =
        DocumentationDiagnosticIds.All.Where(id => id != DocumentationDiagnosticIds.MissingComment).ToHashSet();

    private readonly ConcurrentDictionary<ProjectId, Task<ProjectCheck>> projects = new();

    /// <summary>Verifies every edit, concurrently.</summary>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>Per edited document, null when proven, else why the edit is rejected.</returns>
    public async Task<IReadOnlyDictionary<DocumentId, string?>> VerifyAllAsync(CancellationToken cancellationToken)
    {
        var ids = edits.Keys.ToList();
        var reasons = await Task.WhenAll(ids.Select(id => VerifyAsync(id, cancellationToken))).ConfigureAwait(false);
        return ids.Zip(reasons).ToDictionary(entry => entry.First, entry => entry.Second);
    }

    /// <summary>
    /// The project's compilation with its accepted edits, and the user's trees in it, for counting what is left
    /// undocumented.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="rejected">Edited documents whose edit is not applied.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The compilation and its user trees.</returns>
    public async Task<(Compilation Compilation, IReadOnlySet<SyntaxTree> UserTrees)> FinalAsync(
        ProjectId projectId, IReadOnlySet<DocumentId> rejected, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(projectId, cancellationToken).ConfigureAwait(false);
        var compilation = check.After;
        var userTrees = check.UserTrees.ToHashSet();
        foreach (var (id, (oldTree, newTree)) in check.Trees)
        {
            var kept = rejected.Contains(id) ? oldTree : newTree;
            if (kept != newTree)
            {
                compilation = compilation.ReplaceSyntaxTree(newTree, oldTree);
            }

            userTrees.Remove(oldTree);
            userTrees.Add(kept);
        }

        return (compilation, userTrees);
    }

    /// <summary>
    /// What a build reports for the project as doc leaves it (<paramref name="final"/>, from <see cref="FinalAsync"/>):
    /// the verification's documentation diagnostics, and every other diagnostic from the project as loaded, whose code
    /// is the same (<see cref="CommentEditDiagnostics"/>).
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="final">The project's compilation with the accepted edits.</param>
    /// <param name="asLoaded">The project as loaded and all its diagnostics; awaited only when needed.</param>
    /// <param name="cancellationToken">Cancels compilation.</param>
    /// <returns>The diagnostics.</returns>
    public async Task<ImmutableArray<Diagnostic>> DiagnosedAsync(
        ProjectId projectId,
        Compilation final,
        Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)> asLoaded,
        CancellationToken cancellationToken)
    {
        var check = await CheckAsync(projectId, cancellationToken).ConfigureAwait(false);
        var sameTrees = final.SyntaxTrees.SequenceEqual(check.After.SyntaxTrees);
        if (sameTrees && check.IsComplete)
        {
            return check.Diagnostics;
        }

        var documentation = sameTrees ? check.Diagnostics : DocumentationPass.Run(final, cancellationToken);
        return CommentEditDiagnostics.Of(await asLoaded.ConfigureAwait(false), final, documentation, cancellationToken);
    }

    private async Task<string?> VerifyAsync(DocumentId documentId, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(documentId.ProjectId, cancellationToken).ConfigureAwait(false);
        var (oldTree, newTree) = check.Trees[documentId];
        var oldRoot = await oldTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = await newTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        // Directives are trivia too, and change what the code means: they must be the same, as the tokens must.
        if (!SyntaxFactory.AreEquivalent(oldRoot, newRoot, topLevel: false) || !SameDirectives(oldRoot, newRoot))
        {
            return "the edit would change code, not only comments";
        }

        var newDiagnostics = check.DiagnosticsAfter[newTree].ToList();
        if (newDiagnostics.Count == 0)
        {
            return null;
        }

        // Compared as a multiset of identities, not counted per id: trading one bad cref for another is a new diagnostic.
        var tokens = oldRoot.DescendantTokens().Zip(newRoot.DescendantTokens()).ToList();
        var oldCounts = check.GuardedBefore(oldTree, cancellationToken)
            .CountBy(diagnostic => Identity(diagnostic, tokens, before: true))
            .ToDictionary();
        var grown = newDiagnostics
            .CountBy(diagnostic => Identity(diagnostic, tokens, before: false))
            .Where(entry => entry.Value > oldCounts.GetValueOrDefault(entry.Key))
            .Select(entry => entry.Key.Id)
            .Distinct()
            .ToList();
        return grown.Count == 0 ? null : $"the comments would raise {string.Join(", ", grown.Order(StringComparer.Ordinal))}";
    }

    private static bool SameDirectives(SyntaxNode oldRoot, SyntaxNode newRoot) =>
        Directives(oldRoot).SequenceEqual(Directives(newRoot), StringComparer.Ordinal);

    // Directive after directive: the tree knows which of its nodes hold one, so the walk skips the rest.
    private static IEnumerable<string> Directives(SyntaxNode root)
    {
        for (var directive = ((CSharpSyntaxNode)root).GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            yield return directive.ToFullString();
        }
    }

    // A diagnostic's identity: its id, its message and where it sits in the new text. The code's tokens are the same on
    // both sides (the edit only touches comments), so a position is carried over by its token: exactly when the comments
    // around that token are unchanged, else as "somewhere around this token", so that a comment the edit rewrote keeps
    // the diagnostics it already had but does not take over one from elsewhere.
    private static DiagnosticIdentity Identity(Diagnostic diagnostic, IReadOnlyList<(SyntaxToken Old, SyntaxToken New)> tokens, bool before)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var span = diagnostic.Location.SourceSpan;
        var index = TokenAt(tokens, span.Start, before);
        if (index < 0)
        {
            return new DiagnosticIdentity(diagnostic.Id, message, default);
        }

        var (oldToken, newToken) = tokens[index];
        if (!oldToken.LeadingTrivia.ToFullString().Equals(newToken.LeadingTrivia.ToFullString(), StringComparison.Ordinal)
            || !oldToken.TrailingTrivia.ToFullString().Equals(newToken.TrailingTrivia.ToFullString(), StringComparison.Ordinal))
        {
            return new DiagnosticIdentity(diagnostic.Id, message, newToken.FullSpan);
        }

        var shift = before ? newToken.FullSpan.Start - oldToken.FullSpan.Start : 0;
        return new DiagnosticIdentity(diagnostic.Id, message, new TextSpan(span.Start + shift, span.Length));
    }

    // The index of the last token (on the old or the new side) whose full span starts at or before position; -1 for none.
    private static int TokenAt(IReadOnlyList<(SyntaxToken Old, SyntaxToken New)> tokens, int position, bool before)
    {
        int low = 0, high = tokens.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var start = (before ? tokens[middle].Old : tokens[middle].New).FullSpan.Start;
            if (start <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private readonly record struct DiagnosticIdentity(string Id, string Message, TextSpan Where);

    private Task<ProjectCheck> CheckAsync(ProjectId projectId, CancellationToken cancellationToken) =>
        projects.GetOrAdd(projectId, id => Task.Run(() => ProjectCheck.CreateAsync(before.GetProject(id)!, edits, cancellationToken), cancellationToken));

    // Diagnostics are the documentation pass's, or all of them where IsComplete (the pass could not run).
    private sealed record ProjectCheck(
        Compilation Before,
        Compilation After,
        ImmutableArray<Diagnostic> Diagnostics,
        bool IsComplete,
        IReadOnlySet<SyntaxTree> UserTrees,
        IReadOnlyDictionary<DocumentId, (SyntaxTree Old, SyntaxTree New)> Trees,
        ILookup<SyntaxTree, Diagnostic> DiagnosticsAfter)
    {
        public static async Task<ProjectCheck> CreateAsync(
            Project project, IReadOnlyDictionary<DocumentId, SourceText> edits, CancellationToken cancellationToken)
        {
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var trees = new Dictionary<DocumentId, (SyntaxTree Old, SyntaxTree New)>();
            foreach (var document in project.Documents.Where(document => edits.ContainsKey(document.Id)))
            {
                var oldTree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
                // A fresh parse: the edits are many small insertions, which incremental reparsing handles slowly.
                trees[document.Id] = (oldTree, CSharpSyntaxTree.ParseText(
                    edits[document.Id], (CSharpParseOptions)oldTree.Options, oldTree.FilePath, cancellationToken));
            }

            // All trees at once: replacing trees one at a time rebuilds the declaration table each time. They keep their
            // order, so that this compilation reports what the project's build reports (which of two duplicate
            // declarations is the error follows the order of the files); doc counts its build errors in it.
            var replaced = trees.Values.ToDictionary(pair => pair.Old, pair => pair.New);
            var after = compilation
                .RemoveAllSyntaxTrees()
                .AddSyntaxTrees(compilation.SyntaxTrees.Select(tree => replaced.GetValueOrDefault(tree, tree)));

            // The documentation pass proves the edits; where a declaration does not compile it cannot run, and the
            // edited compilation is diagnosed in full, as a build compiles it.
            var documentation = DocumentationPass.Run(after, cancellationToken);
            var diagnostics = documentation ?? after.GetDiagnostics(cancellationToken);
            return new ProjectCheck(
                compilation,
                after,
                diagnostics,
                documentation is null,
                UndocumentedMemberFinder.UserTrees(project, compilation, cancellationToken),
                trees,
                diagnostics.Where(IsGuarded).ToLookup(diagnostic => diagnostic.Location.SourceTree!));
        }

        // The guarded diagnostics an edited file had as loaded: the same compiler pass, limited to that file.
        public IEnumerable<Diagnostic> GuardedBefore(SyntaxTree oldTree, CancellationToken cancellationToken) =>
            Before.GetSemanticModel(oldTree).GetDiagnostics(cancellationToken: cancellationToken)
                .Where(diagnostic => IsGuarded(diagnostic) && diagnostic.Location.SourceTree == oldTree);

        private static bool IsGuarded(Diagnostic diagnostic) =>
            Guarded.Contains(diagnostic.Id) && diagnostic.Location.SourceTree is not null;
    }
}
