using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Testing;

/// <summary>A one-project solution in an <see cref="AdhocWorkspace"/>, referencing the running framework, for snippet tests.</summary>
public static class InMemoryProject
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    /// <summary>Creates a class library holding <paramref name="sources"/> (file name to text), documentation diagnosed.</summary>
    public static Project Create(params (string FileName, string Text)[] sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Snippets",
            "Snippets",
            LanguageNames.CSharp,
            filePath: Path.Combine(Path.GetTempPath(), "Snippets", "Snippets.csproj"),
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.Diagnose),
            metadataReferences: FrameworkReferences.Value));
        foreach (var (fileName, text) in sources)
        {
            solution = solution.AddDocument(
                DocumentId.CreateNewId(projectId), fileName, text, filePath: Path.Combine(Path.GetTempPath(), "Snippets", fileName));
        }

        return solution.GetProject(projectId)!;
    }

    /// <summary>Creates a project from one file named <c>Snippet.cs</c>.</summary>
    public static Project Create(string source) => Create(("Snippet.cs", source));
}
