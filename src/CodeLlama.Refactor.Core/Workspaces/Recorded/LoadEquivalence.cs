using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// Whether two loads of one solution made the same compilations: the same projects in the same order, each with equal
/// options (as the compiler compares them), the same documents with the same texts, references and analyzers, and
/// the same warnings from loading. What the two workspaces make for themselves (metadata resolvers bound to their own
/// services, the options provider each project state adds for its .editorconfig files, which are compared as
/// documents) is left out.
/// </summary>
internal static class LoadEquivalence
{
    /// <summary>The first difference between <paramref name="expected"/> and <paramref name="actual"/>, or null when they are equivalent.</summary>
    /// <param name="expected">A solution loaded through MSBuild.</param>
    /// <param name="actual">The same solution loaded another way.</param>
    /// <param name="cancellationToken">Cancels reading the texts.</param>
    /// <param name="compareTexts">False to compare what the projects are made of, not what their files say.</param>
    /// <returns>What differs, in words, or null.</returns>
    public static async Task<string?> DifferenceAsync(LoadedSolution expected, LoadedSolution actual, CancellationToken cancellationToken, bool compareTexts = true)
    {
        var expectedProjects = expected.Solution.Projects.ToList();
        var actualProjects = actual.Solution.Projects.ToList();
        if (!expectedProjects.Select(Key).SequenceEqual(actualProjects.Select(Key)))
        {
            return "the projects";
        }

        if (!expected.Diagnostics.SequenceEqual(actual.Diagnostics))
        {
            return "what loading reported";
        }

        for (var index = 0; index < expectedProjects.Count; index++)
        {
            var (left, right) = (expectedProjects[index], actualProjects[index]);
            var difference = Attributes(left, right)
                ?? Options(left, right)
                ?? Same("metadata references", left.MetadataReferences.Select(Reference), right.MetadataReferences.Select(Reference))
                ?? Same("analyzers", left.AnalyzerReferences.Select(analyzer => analyzer.FullPath ?? analyzer.Display), right.AnalyzerReferences.Select(analyzer => analyzer.FullPath ?? analyzer.Display))
                ?? Same("project references", left.ProjectReferences.Select(reference => ProjectReference(left.Solution, reference)), right.ProjectReferences.Select(reference => ProjectReference(right.Solution, reference)))
                ?? Same("documentation diagnostics", [expected.ProjectsDiagnosingDocumentation.Contains(left.Id)], [actual.ProjectsDiagnosingDocumentation.Contains(right.Id)])
                ?? await DocumentsAsync("documents", left.Documents, right.Documents, compareTexts, cancellationToken).ConfigureAwait(false)
                ?? await DocumentsAsync("additional files", left.AdditionalDocuments, right.AdditionalDocuments, compareTexts, cancellationToken).ConfigureAwait(false)
                ?? await DocumentsAsync("analyzer config files", left.AnalyzerConfigDocuments, right.AnalyzerConfigDocuments, compareTexts, cancellationToken).ConfigureAwait(false);
            if (difference is not null)
            {
                return $"{left.Name}: {difference}";
            }
        }

        return null;
    }

    private static string Key(Project project) => $"{project.Language}|{project.FilePath}|{project.Name}";

    private static string? Attributes(Project left, Project right) =>
        Same("attributes", [
            left.AssemblyName, left.DefaultNamespace, left.OutputFilePath, left.OutputRefFilePath,
            left.CompilationOutputInfo.AssemblyPath, left.CompilationOutputInfo.GeneratedFilesOutputDirectory,
        ], [
            right.AssemblyName, right.DefaultNamespace, right.OutputFilePath, right.OutputRefFilePath,
            right.CompilationOutputInfo.AssemblyPath, right.CompilationOutputInfo.GeneratedFilesOutputDirectory,
        ]);

    private static string? Options(Project left, Project right) =>
        !Equals(Comparable(left.CompilationOptions), Comparable(right.CompilationOptions)) ? "compilation options"
        : !Equals(left.ParseOptions, right.ParseOptions) ? "parse options"
        : null;

    private static CompilationOptions? Comparable(CompilationOptions? options) =>
        options?.WithMetadataReferenceResolver(null).WithSyntaxTreeOptionsProvider(null);

    private static string Reference(MetadataReference reference) => reference is PortableExecutableReference { FilePath: { } path } file
        ? $"{path}|{string.Join(',', file.Properties.Aliases)}|{file.Properties.EmbedInteropTypes}|{file.Properties.Kind}"
        : $"?{reference.Display}";

    private static string ProjectReference(Solution solution, ProjectReference reference) =>
        $"{(solution.GetProject(reference.ProjectId) is { } target ? Key(target) : "?")}|{string.Join(',', reference.Aliases)}|{reference.EmbedInteropTypes}";

    private static async Task<string?> DocumentsAsync<T>(string what, IEnumerable<T> left, IEnumerable<T> right, bool compareTexts, CancellationToken cancellationToken)
        where T : TextDocument
    {
        var (leftList, rightList) = (left.ToList(), right.ToList());
        var difference = Same(what, leftList.Select(Document), rightList.Select(Document));
        if (difference is not null || !compareTexts)
        {
            return difference;
        }

        for (var index = 0; index < leftList.Count; index++)
        {
            var leftText = await leftList[index].GetTextAsync(cancellationToken).ConfigureAwait(false);
            var rightText = await rightList[index].GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (!leftText.ContentEquals(rightText) || leftText.Encoding?.WebName != rightText.Encoding?.WebName
                || leftText.ChecksumAlgorithm != rightText.ChecksumAlgorithm)
            {
                return $"the text of {leftList[index].FilePath}";
            }
        }

        return null;
    }

    private static string Document(TextDocument document) => $"{document.FilePath}|{document.Name}|{string.Join('/', document.Folders)}";

    private static string? Same(string what, IEnumerable<string?> left, IEnumerable<string?> right) =>
        left.SequenceEqual(right, StringComparer.Ordinal) ? null : what;

    private static string? Same(string what, IEnumerable<bool> left, IEnumerable<bool> right) =>
        left.SequenceEqual(right) ? null : what;
}
