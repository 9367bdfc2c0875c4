using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Workspaces.Fast;

/// <summary>
/// Opens a simple project (<see cref="SimpleSdkProject"/>) without MSBuild: the compiler command line that MSBuild would
/// compute for it is written here, from the SDK's targeting pack and the project's few properties, and turned into a
/// workspace project the way MSBuildWorkspace turns its own. Starting MSBuild's build host and evaluating the SDK's
/// targets is most of a short <c>check</c>; anything this loader cannot vouch for is left to MSBuild (null).
/// </summary>
public static class FastProjectLoader
{
    /// <summary>Loads <paramref name="path"/> if it is a simple project that needs nothing of MSBuild.</summary>
    /// <param name="path">The project (a solution is always left to MSBuild).</param>
    /// <param name="options">How to load; user properties (-p) or a dry run leave the project to MSBuild.</param>
    /// <param name="cancellationToken">Cancels reading the files.</param>
    /// <returns>The loaded project, or null when MSBuild must load it.</returns>
    public static async Task<LoadedSolution?> TryLoadAsync(SolutionPath path, LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (path.Kind != SolutionPathKind.Project || options.LeaveTreeUnchanged || options.Properties is { Count: > 0 }
            || !path.FullPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        MSBuildRegistration.EnsureRegistered();
        if (MSBuildRegistration.SdkDirectory is not { } sdkDirectory
            || SdkLayout.TryRead(sdkDirectory) is not { } sdk
            || SimpleSdkProject.TryRead(path.FullPath, sdk, out _) is not { } project)
        {
            return null;
        }

        var workspace = new AdhocWorkspace(CompilerHost.Services);
        try
        {
            var solution = workspace.AddProject(ProjectInfo(project, sdk, workspace)).Solution;
            var diagnosing = solution.Projects
                .Where(loaded => loaded.ParseOptions?.DocumentationMode == DocumentationMode.Diagnose)
                .Select(loaded => loaded.Id)
                .ToHashSet();
            var snapshot = await WorkspaceLoader.SnapshotTextsAsync(WorkspaceLoader.WithDocumentationDiagnosed(solution), cancellationToken).ConfigureAwait(false);
            return new LoadedSolution(path, workspace, snapshot, [], diagnosing)
            {
                Outputs = new ProjectOutputs(null),
            };
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>The workspace project of <paramref name="project"/>, as MSBuildWorkspace would make it.</summary>
    /// <param name="project">The simple project.</param>
    /// <param name="sdk">The SDK that builds it.</param>
    /// <param name="workspace">The workspace whose services read references and analyzers.</param>
    /// <returns>The project's information.</returns>
    internal static ProjectInfo ProjectInfo(SimpleSdkProject project, SdkLayout sdk, Workspace workspace)
    {
        var sources = SourceFiles(project.Directory);
        var generated = SimpleProjectArguments.GeneratedSources(project, sdk);
        var configs = EditorConfigs(project.Directory, [.. sources, .. generated.Keys]);
        var arguments = SimpleProjectArguments.CommandLine(project, sdk, sources, configs);
        var info = CommandLineProject.CreateProjectInfo(project.Name, LanguageNames.CSharp, arguments, project.Directory, workspace);
        var id = info.Id;
        var assemblyName = SimpleProjectArguments.AssemblyName(project);
        var obj = Path.Combine(project.Directory, SimpleProjectArguments.IntermediateFolder(sdk));
        var generatedDocuments = generated.Select(entry => DocumentInfo.Create(
            DocumentId.CreateNewId(id, entry.Key),
            Path.GetFileName(entry.Key),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(entry.Value, System.Text.Encoding.UTF8), VersionStamp.Create(), Path.Combine(project.Directory, entry.Key))),
            filePath: Path.Combine(project.Directory, entry.Key),
            isGenerated: false));
        var editorConfigPath = Path.Combine(obj, project.Name + ".GeneratedMSBuildEditorConfig.editorconfig");
        var editorConfig = DocumentInfo.Create(
            DocumentId.CreateNewId(id, editorConfigPath),
            Path.GetFileName(editorConfigPath),
            loader: TextLoader.From(TextAndVersion.Create(SourceText.From(SimpleProjectArguments.GeneratedEditorConfig(project, sdk), System.Text.Encoding.UTF8), VersionStamp.Create(), editorConfigPath)),
            filePath: editorConfigPath);
        return info
            .WithFilePath(project.ProjectFile)
            .WithAssemblyName(assemblyName)
            .WithDefaultNamespace(project.Property("RootNamespace") ?? assemblyName)
            .WithOutputFilePath(Path.Combine(project.Directory, "bin", "Debug", sdk.TargetFramework, assemblyName + ".dll"))
            .WithOutputRefFilePath(Path.Combine(obj, "ref", assemblyName + ".dll"))
            .WithCompilationOutputInfo(info.CompilationOutputInfo.WithAssemblyPath(Path.Combine(obj, assemblyName + ".dll")))
            .WithDocuments([.. info.Documents, .. generatedDocuments])
            .WithAnalyzerConfigDocuments([editorConfig, .. info.AnalyzerConfigDocuments]);
    }

    /// <summary>The SDK's default Compile items: every .cs file under the project's folder but bin/, obj/ and dot-folders.</summary>
    /// <param name="directory">The project's folder.</param>
    /// <returns>Their paths relative to it, in a stable order.</returns>
    internal static IReadOnlyList<string> SourceFiles(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(file => Path.GetRelativePath(directory, file))
            .Where(relative => !IsExcluded(relative))
            .Order(StringComparer.Ordinal),
    ];

    private static bool IsExcluded(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts[0] is "bin" or "obj" || parts[..^1].Any(part => part.StartsWith('.'));
    }

    // What the SDK's DiscoverEditorConfigFiles finds: .editorconfig, then .globalconfig, in every folder above a source.
    private static IReadOnlyList<string> EditorConfigs(string directory, IEnumerable<string> sources)
    {
        var folders = sources
            .SelectMany(source => Above(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(directory, source)))!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return
        [
            .. folders.Select(folder => Path.Combine(folder, ".editorconfig")).Where(File.Exists),
            .. folders.Select(folder => Path.Combine(folder, ".globalconfig")).Where(File.Exists),
        ];
    }

    private static IEnumerable<string> Above(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            yield return current.FullName;
        }
    }
}
