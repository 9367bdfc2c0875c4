using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// The members <c>doc</c> is responsible for: required by the visibility rule, declared in a non-generated file that
/// the include/exclude globs let through.
/// </summary>
internal sealed class DocScope
{
    private readonly LoadedSolution loaded;
    private readonly DocOptions options;
    private readonly HashSet<ISymbol> inScope;

    private DocScope(LoadedSolution loaded, DocOptions options, HashSet<ISymbol> inScope, IReadOnlyList<DocFile> files, int undocumentedBefore)
    {
        this.loaded = loaded;
        this.options = options;
        this.inScope = inScope;
        Files = files;
        UndocumentedBefore = undocumentedBefore;
    }

    /// <summary>Per document in scope, the members whose comment lives there with the declaration that carries it.</summary>
    public IReadOnlyList<DocFile> Files { get; }

    /// <summary>How many members in scope were undocumented as loaded.</summary>
    public int UndocumentedBefore { get; }

    public int Total => inScope.Count;

    public static async Task<DocScope> CreateAsync(LoadedSolution loaded, DocOptions options, CancellationToken cancellationToken)
    {
        var perProject = await Task.WhenAll(loaded.Projects.Select(project =>
            Task.Run(() => ProjectScopeAsync(loaded, project, options, cancellationToken), cancellationToken))).ConfigureAwait(false);
        var inScope = new HashSet<ISymbol>(perProject.SelectMany(scope => scope.InScope), SymbolEqualityComparer.Default);
        var files = perProject.SelectMany(scope => scope.ByDocument)
            .Select(entry => new DocFile(loaded.Solution.GetDocument(entry.Key)!, entry.Value))
            .ToList();

        // Only counted: describing thousands of members for a report that shows a percentage is wasted work.
        var before = await UndocumentedInScopeAsync(loaded, options, project => AsLoadedAsync(project, cancellationToken), (_, _) => 0, cancellationToken)
            .ConfigureAwait(false);
        return new DocScope(loaded, options, inScope, files, before.Count);
    }

    // One project's symbols in scope, and per document the ones whose comment lives there.
    private static async Task<(List<ISymbol> InScope, Dictionary<DocumentId, List<DocTarget>> ByDocument)> ProjectScopeAsync(
        LoadedSolution loaded, Project project, DocOptions options, CancellationToken cancellationToken)
    {
        var filter = options.Files ?? PathFilter.All;
        var inScope = new List<ISymbol>();
        var byDocument = new Dictionary<DocumentId, List<DocTarget>>();
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        foreach (var symbol in UndocumentedMemberFinder.DeclaredSymbols(compilation.Assembly.GlobalNamespace))
        {
            if (!DocumentationRequirement.IsRequired(symbol, options.Visibility) || GeneratedCode.IsMarkedGenerated(symbol))
            {
                continue;
            }

            var references = symbol.DeclaringSyntaxReferences
                .Select(reference => (Reference: reference, Document: project.GetDocument(reference.SyntaxTree)))
                .Where(entry => entry.Document?.FilePath is { } file
                    && filter.Matches(loaded.RelativePath(file))
                    && !GeneratedCode.IsGenerated(entry.Reference.SyntaxTree, cancellationToken))
                .ToList();
            if (references.Count == 0)
            {
                continue;
            }

            inScope.Add(symbol);
            // A partial type documented in one of its parts has its comment there: that part is completed, the others
            // stay as they are (a second <summary> would be merged into the same documentation). A documented part
            // outside the globs is left alone altogether.
            var documented = symbol.DeclaringSyntaxReferences.FirstOrDefault(reference =>
                DocumentationRequirement.HasDocumentationComment(DocumentationRequirement.DocumentedNode(reference.GetSyntax(cancellationToken))));
            var carrier = documented is null ? 0 : references.FindIndex(entry => entry.Reference.SyntaxTree == documented.SyntaxTree && entry.Reference.Span == documented.Span);
            if (carrier < 0)
            {
                continue;
            }

            var declaration = DocumentationRequirement.DocumentedNode(references[carrier].Reference.GetSyntax(cancellationToken));
            if (CarriesOwnComment(symbol, declaration))
            {
                var documentId = references[carrier].Document!.Id;
                if (!byDocument.TryGetValue(documentId, out var list))
                {
                    byDocument[documentId] = list = [];
                }

                list.Add(new DocTarget(symbol, declaration));
            }
        }

        return (inScope, byDocument);
    }

    /// <summary>Whether a source symbol is documented already, or is one this run documents.</summary>
    public bool IsDocumentedOrInScope(ISymbol symbol) =>
        inScope.Contains(symbol) || DocumentationRequirement.IsDocumented(symbol);

    /// <summary>The members in scope that are undocumented in the compilations <paramref name="compile"/> gives.</summary>
    /// <param name="compile">Gives a project's compilation and the user's trees in it.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async Task<IReadOnlyList<UndocumentedMember>> UndocumentedAsync(
        Func<Project, Task<(Compilation Compilation, IReadOnlySet<SyntaxTree> UserTrees)>> compile,
        CancellationToken cancellationToken)
    {
        var found = await UndocumentedInScopeAsync(loaded, options, compile, UndocumentedMemberFinder.ToMember, cancellationToken).ConfigureAwait(false);
        return found.OrderBy(member => member.FilePath, StringComparer.Ordinal).ThenBy(member => member.Line).ToList();
    }

    // Each undocumented symbol in scope, turned into what the caller needs; projects are searched in parallel.
    private static async Task<IReadOnlyList<T>> UndocumentedInScopeAsync<T>(
        LoadedSolution loaded,
        DocOptions options,
        Func<Project, Task<(Compilation Compilation, IReadOnlySet<SyntaxTree> UserTrees)>> compile,
        Func<ISymbol, Location, T> select,
        CancellationToken cancellationToken)
    {
        var filter = options.Files ?? PathFilter.All;
        var perProject = await Task.WhenAll(loaded.Projects.Select(project => Task.Run(async () =>
        {
            var (compilation, userTrees) = await compile(project).ConfigureAwait(false);
            return UndocumentedMemberFinder.Undocumented(compilation, userTrees, options.Visibility, cancellationToken)
                .Where(entry => filter.Matches(loaded.RelativePath(entry.Location.SourceTree!.FilePath)))
                .Select(entry => select(entry.Symbol, entry.Location))
                .ToList();
        }, cancellationToken))).ConfigureAwait(false);
        return perProject.SelectMany(found => found).ToList();
    }

    /// <summary>A project's compilation as loaded, with the user's trees in it.</summary>
    public static async Task<(Compilation Compilation, IReadOnlySet<SyntaxTree> UserTrees)> AsLoadedAsync(
        Project project, CancellationToken cancellationToken)
    {
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        return (compilation, UndocumentedMemberFinder.UserTrees(project, compilation, cancellationToken));
    }

    // A positional record property is documented by a <param> on its record, and a primary constructor by the
    // type's own comment: neither has a declaration of its own to put a comment on.
    private static bool CarriesOwnComment(ISymbol symbol, SyntaxNode declaration) =>
        declaration is not ParameterSyntax
        && !(symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } && declaration is TypeDeclarationSyntax);
}

/// <summary>A member <c>doc</c> writes the comment of, with the declaration that carries it.</summary>
/// <param name="Symbol">The member.</param>
/// <param name="Declaration">The node its comment goes on.</param>
internal sealed record DocTarget(ISymbol Symbol, SyntaxNode Declaration);

/// <summary>A document in scope and the members whose comment lives in it.</summary>
/// <param name="Document">The document as loaded.</param>
/// <param name="Targets">Its members to document.</param>
internal sealed record DocFile(Document Document, IReadOnlyList<DocTarget> Targets);
