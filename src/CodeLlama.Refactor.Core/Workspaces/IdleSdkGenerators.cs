using System.Buffers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// The source generators that the .NET targeting pack puts on every project's command line (regular expressions, JSON,
/// P/Invoke, COM and JavaScript interop) add no source and report nothing unless one of their attributes is applied in
/// the project. Running them anyway means loading and jitting five assemblies that ship without precompiled code: about a
/// second of a one-file <c>check</c>. A project whose source never names one of those attributes compiles here without
/// them, to the same compilation; any other project keeps them all, as does every generator from anywhere else.
/// </summary>
public static class IdleSdkGenerators
{
    // The generator assemblies of Microsoft.NETCore.App.Ref's analyzers/dotnet/cs folder (SourceGeneration is the library
    // that the interop ones share), kept or dropped together.
    private static readonly HashSet<string> FileNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.Interop.ComInterfaceGenerator.dll",
        "Microsoft.Interop.JavaScript.JSImportGenerator.dll",
        "Microsoft.Interop.LibraryImportGenerator.dll",
        "Microsoft.Interop.SourceGeneration.dll",
        "System.Text.Json.SourceGeneration.dll",
        "System.Text.RegularExpressions.Generator.dll",
    };

    // The attributes those generators start from (ForAttributeWithMetadataName), by simple name: an attribute is written
    // with its name, with or without "Attribute", or through an alias whose declaration names it; any of them in any
    // file of the project keeps the generators.
    private static readonly SearchValues<string> Triggers = SearchValues.Create(
        ["GeneratedRegex", "JsonSerializable", "LibraryImport", "GeneratedComInterface", "GeneratedComClass", "VirtualMethodIndex", "JSImport", "JSExport"],
        StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="solution"/> with the targeting pack's generators removed from every project whose source never
    /// names one of their attributes. Documents whose text is not loaded yet count as naming one.
    /// </summary>
    /// <param name="solution">A loaded solution (its document texts read).</param>
    /// <returns>The solution to compile.</returns>
    public static Solution WithoutIdle(Solution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        foreach (var project in solution.Projects)
        {
            var generators = project.AnalyzerReferences.Where(IsSdkGenerator).ToList();
            if (generators.Count > 0 && !MayUseThem(project))
            {
                solution = solution.WithProjectAnalyzerReferences(project.Id, project.AnalyzerReferences.Except(generators));
            }
        }

        return solution;
    }

    /// <summary>
    /// <paramref name="solution"/>, made from <see cref="WithoutIdle"/>'s result, with the targeting pack's generators
    /// given back, in <paramref name="loaded"/>'s order, to every project of it that now names one of their attributes:
    /// an edit that starts using one is compiled as its build would compile it. The same solution when none does.
    /// </summary>
    /// <param name="solution">An edited solution.</param>
    /// <param name="loaded">The solution as loaded, with every project's generators.</param>
    /// <returns>The solution to compile.</returns>
    public static Solution WithUsedOnesBack(Solution solution, Solution loaded)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(loaded);
        // Only what an edit changed can name one: the documents as loaded named none where the generators were left out.
        foreach (var change in solution.GetChanges(loaded).GetProjectChanges())
        {
            var (original, project) = (change.OldProject, change.NewProject);
            var left = original.AnalyzerReferences.Where(IsSdkGenerator).Except(project.AnalyzerReferences).ToHashSet();
            var edited = change.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(change.GetAddedDocuments()).Select(project.GetDocument).OfType<Document>();
            if (left.Count > 0 && MayUseThem(edited))
            {
                var references = original.AnalyzerReferences.Where(reference => left.Contains(reference) || project.AnalyzerReferences.Contains(reference))
                    .Concat(project.AnalyzerReferences.Except(original.AnalyzerReferences));
                solution = solution.WithProjectAnalyzerReferences(project.Id, references);
            }
        }

        return solution;
    }

    /// <summary>True for one of the targeting pack's generator assemblies.</summary>
    /// <param name="reference">An analyzer reference of a project.</param>
    /// <returns>Whether it is one of them.</returns>
    internal static bool IsSdkGenerator(AnalyzerReference reference) =>
        reference.FullPath is { } path
        && FileNames.Contains(Path.GetFileName(path))
        && path.Replace('\\', '/').Contains("/packs/Microsoft.NETCore.App.Ref/", StringComparison.OrdinalIgnoreCase);

    private static bool MayUseThem(Project project) => MayUseThem(project.Documents);

    private static bool MayUseThem(IEnumerable<Document> documents) =>
        documents.Any(document => !document.TryGetText(out var text) || text.ToString().AsSpan().ContainsAny(Triggers));
}
