using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>Finds the types and members that need documentation and have none, leaving generated code out.</summary>
public static class UndocumentedMemberFinder
{
    /// <summary>Finds undocumented members in every project, ordered by file and line.</summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <param name="visibility">Which members must be documented.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The undocumented members of all projects.</returns>
    public static async Task<IReadOnlyList<UndocumentedMember>> FindAsync(
        LoadedSolution loaded,
        Visibility visibility,
        CancellationToken cancellationToken = default)
    {
        var perProject = await Task.WhenAll(ProjectsToDocument(loaded).Select(project =>
            Task.Run(() => FindAsync(project, visibility, cancellationToken), cancellationToken))).ConfigureAwait(false);
        return perProject.SelectMany(members => members)
            .Distinct()
            .OrderBy(member => member.FilePath, StringComparer.Ordinal)
            .ThenBy(member => member.Line)
            .ThenBy(member => member.Column)
            .ToList();
    }

    /// <summary>
    /// The projects whose members must be documented: a test project is no public API, so its test classes are left out,
    /// unless its own build reports CS1591 (it sets <c>GenerateDocumentationFile</c>), which then counts as in any project.
    /// </summary>
    /// <param name="loaded">The loaded solution.</param>
    /// <returns>Its C# projects but the test projects that generate no documentation.</returns>
    public static IEnumerable<Project> ProjectsToDocument(LoadedSolution loaded) =>
        loaded.Projects.Where(project => loaded.ProjectsDiagnosingDocumentation.Contains(project.Id) || !TestRunner.IsTestProject(project));

    /// <summary>Finds the undocumented members of one project.</summary>
    /// <param name="project">The project.</param>
    /// <param name="visibility">Which members must be documented.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The project's undocumented members, unordered.</returns>
    public static async Task<IReadOnlyList<UndocumentedMember>> FindAsync(
        Project project,
        Visibility visibility,
        CancellationToken cancellationToken = default)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        return compilation is null ? [] : Find(compilation, UserTrees(project, compilation, cancellationToken), visibility, cancellationToken);
    }

    /// <summary>Finds the undocumented members of <paramref name="compilation"/> declared in <paramref name="userTrees"/>.</summary>
    /// <param name="compilation">A compilation.</param>
    /// <param name="userTrees">The trees that count: the user's own, not generated ones.</param>
    /// <param name="visibility">Which members must be documented.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The undocumented members, unordered.</returns>
    public static IReadOnlyList<UndocumentedMember> Find(
        Compilation compilation,
        IReadOnlySet<SyntaxTree> userTrees,
        Visibility visibility,
        CancellationToken cancellationToken = default) =>
        Undocumented(compilation, userTrees, visibility, cancellationToken).Select(entry => ToMember(entry.Symbol, entry.Location)).ToList();

    /// <summary>
    /// The undocumented symbols of <paramref name="compilation"/> declared in <paramref name="userTrees"/>, each with its
    /// location there; cheaper than <see cref="Find(Compilation, IReadOnlySet{SyntaxTree}, Visibility, CancellationToken)"/>
    /// where only some need describing.
    /// </summary>
    /// <param name="compilation">A compilation.</param>
    /// <param name="userTrees">The trees that count: the user's own, not generated ones.</param>
    /// <param name="visibility">Which members must be documented.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The undocumented symbols, unordered.</returns>
    public static IEnumerable<(ISymbol Symbol, Location Location)> Undocumented(
        Compilation compilation,
        IReadOnlySet<SyntaxTree> userTrees,
        Visibility visibility,
        CancellationToken cancellationToken = default) =>
        DeclaredSymbols(compilation.Assembly.GlobalNamespace)
            .Where(symbol => DocumentationRequirement.IsRequired(symbol, visibility))
            .Where(symbol => !GeneratedCode.IsMarkedGenerated(symbol))
            .Select(symbol => (Symbol: symbol, Location: symbol.Locations.FirstOrDefault(location =>
                location.SourceTree is not null && userTrees.Contains(location.SourceTree))))
            .Where(entry => entry.Location is not null && !DocumentationRequirement.IsDocumented(entry.Symbol, cancellationToken))
            .Select(entry => (entry.Symbol, entry.Location!));

    /// <summary>Describes an undocumented symbol for reports.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="location">Where it is declared in the user's code.</param>
    /// <returns>Its name, kind, file and position.</returns>
    public static UndocumentedMember ToMember(ISymbol symbol, Location location)
    {
        var span = location.GetLineSpan();
        return new UndocumentedMember(
            symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            SymbolKinds.Describe(symbol),
            span.Path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1);
    }

    /// <summary>The trees of <paramref name="compilation"/> that the user wrote: held by a document, and not generated.</summary>
    /// <param name="project">The project the compilation belongs to.</param>
    /// <param name="compilation">Its compilation.</param>
    /// <param name="cancellationToken">Cancels parsing.</param>
    /// <returns>The user's trees.</returns>
    public static IReadOnlySet<SyntaxTree> UserTrees(Project project, Compilation compilation, CancellationToken cancellationToken = default) =>
        // Trees that no document of the project holds come from source generators: generated, like the rest.
        compilation.SyntaxTrees
            .Where(tree => project.GetDocument(tree) is not null && !GeneratedCode.IsGenerated(tree, cancellationToken))
            .ToHashSet();

    /// <summary>Every type and member declared in source under <paramref name="container"/>, nested types included.</summary>
    /// <param name="container">A namespace or type.</param>
    /// <returns>The declared symbols, depth first.</returns>
    public static IEnumerable<ISymbol> DeclaredSymbols(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (!member.Locations.Any(location => location.IsInSource))
            {
                continue;
            }

            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol)
                {
                    yield return nested;
                }

                foreach (var inner in DeclaredSymbols(nested))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return member;
            }
        }
    }

}
