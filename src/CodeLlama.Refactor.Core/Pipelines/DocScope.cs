using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>
/// The members <c>doc</c> is responsible for: required by the visibility rule, declared in a non-generated file that
/// the include/exclude globs let through, in a project that is no test project (or one whose build reports CS1591:
/// <see cref="UndocumentedMemberFinder.ProjectsToDocument"/>).
/// </summary>
/// <remarks>
/// A multi-targeting project is one Roslyn project per target framework, each with its own document for the same file;
/// a member under an <c>#if</c> exists only in some of them. Members are therefore gathered from every target and kept
/// once per file and position, so that each is documented once, in the branch that declares it.
/// </remarks>
internal sealed class DocScope
{
    private readonly LoadedSolution loaded;
    private readonly DocOptions options;
    private readonly HashSet<ISymbol> inScope;

    private DocScope(
        LoadedSolution loaded, DocOptions options, HashSet<ISymbol> inScope, int total, IReadOnlyList<DocFile> files, int undocumentedBefore)
    {
        this.loaded = loaded;
        this.options = options;
        this.inScope = inScope;
        Total = total;
        Files = files;
        UndocumentedBefore = undocumentedBefore;
    }

    /// <summary>Per file in scope, the members whose comment lives there with the declaration that carries it.</summary>
    public IReadOnlyList<DocFile> Files { get; }

    /// <summary>How many members in scope were undocumented as loaded (each once, whatever its targets).</summary>
    public int UndocumentedBefore { get; }

    /// <summary>How many members are in scope, each once however many target frameworks declare it.</summary>
    public int Total { get; }

    public static async Task<DocScope> CreateAsync(LoadedSolution loaded, DocOptions options, CancellationToken cancellationToken)
    {
        var perProject = await Task.WhenAll(UndocumentedMemberFinder.ProjectsToDocument(loaded).Select(project =>
            Task.Run(() => ProjectScopeAsync(loaded, project, options, cancellationToken), cancellationToken))).ConfigureAwait(false);
        var inScope = new HashSet<ISymbol>(perProject.SelectMany(scope => scope.InScope.Select(entry => entry.Symbol)), SymbolEqualityComparer.Default);
        var total = perProject.SelectMany(scope => scope.InScope.Select(entry => entry.Key)).Distinct().Count();

        // Per file, every target's members once: the first target framework that declares a member documents it.
        var files = perProject.SelectMany(scope => scope.Targets)
            .GroupBy(target => target.Document.FilePath!, StringComparer.Ordinal)
            .Select(group => new DocFile(
                group.Key,
                loaded.Solution.GetDocumentIdsWithFilePath(group.Key),
                group.DistinctBy(target => target.Key).ToList()))
            .ToList();

        // Only counted: describing thousands of members for a report that shows a percentage is wasted work.
        var before = await UndocumentedInScopeAsync(
            loaded, options, project => AsLoadedAsync(project, cancellationToken), MemberKey.Of, cancellationToken).ConfigureAwait(false);
        return new DocScope(loaded, options, inScope, total, files, before.Distinct().Count());
    }

    // One project's symbols in scope (with their position, the same in every target), and the ones whose comment lives in
    // one of its documents.
    private static async Task<(List<(ISymbol Symbol, MemberKey Key)> InScope, List<DocTarget> Targets)> ProjectScopeAsync(
        LoadedSolution loaded, Project project, DocOptions options, CancellationToken cancellationToken)
    {
        var filter = options.Files ?? PathFilter.All;
        var inScope = new List<(ISymbol Symbol, MemberKey Key)>();
        var targets = new List<DocTarget>();
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

            var first = references[0].Reference;
            inScope.Add((symbol, MemberKey.Of(symbol, symbol.Locations.FirstOrDefault(location => location.SourceTree == first.SyntaxTree)
                ?? Location.Create(first.SyntaxTree, first.Span))));
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
                var location = symbol.Locations.FirstOrDefault(location => location.SourceTree == declaration.SyntaxTree
                    && declaration.FullSpan.Contains(location.SourceSpan)) ?? declaration.GetLocation();
                targets.Add(new DocTarget(symbol, declaration, references[carrier].Document!, MemberKey.Of(symbol, location)));
            }
        }

        return (inScope, targets);
    }

    /// <summary>
    /// The id a member without a comment in <paramref name="project"/> is reported under, as <c>check</c> reports it:
    /// CS1591 where the project's build reports it, CLRF0001 (the analyzer's rule) elsewhere.
    /// </summary>
    /// <param name="project">The project that declares the member.</param>
    public string MissingCommentId(Project project) => loaded.ProjectsDiagnosingDocumentation.Contains(project.Id)
        ? DocumentationDiagnosticIds.MissingComment
        : DocumentationDiagnosticIds.MissingCommentBeyondBuild;

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
        // A member of a multi-targeting project is found once per target framework that declares it.
        return found.DistinctBy(member => (member.FilePath, member.Line, member.Column))
            .OrderBy(member => member.FilePath, StringComparer.Ordinal).ThenBy(member => member.Line).ToList();
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
        var perProject = await Task.WhenAll(UndocumentedMemberFinder.ProjectsToDocument(loaded).Select(project => Task.Run(async () =>
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
/// <param name="Symbol">The member, in the target framework it was taken from.</param>
/// <param name="Declaration">The node its comment goes on, in that target's syntax tree.</param>
/// <param name="Document">That target's document of the file.</param>
/// <param name="Key">Where the member is declared, the same in every target.</param>
internal sealed record DocTarget(ISymbol Symbol, SyntaxNode Declaration, Document Document, MemberKey Key);

/// <summary>A file in scope and the members whose comment lives in it.</summary>
/// <param name="FilePath">The file.</param>
/// <param name="DocumentIds">Its documents: one per project and target framework that compiles it.</param>
/// <param name="Targets">Its members to document, each once.</param>
internal sealed record DocFile(string FilePath, IReadOnlyList<DocumentId> DocumentIds, IReadOnlyList<DocTarget> Targets)
{
    /// <summary>The document the file's text is read from (every document of a file has the same text).</summary>
    public Document First(Solution solution) => solution.GetDocument(DocumentIds[0])!;
}

/// <summary>A member's file and the position of its name: the same in each target framework's tree of the file.</summary>
/// <param name="FilePath">The file.</param>
/// <param name="Position">The start of the member's name.</param>
internal readonly record struct MemberKey(string FilePath, int Position)
{
    public static MemberKey Of(ISymbol symbol, Location location) =>
        new(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan.Start);
}
