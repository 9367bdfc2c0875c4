using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// Opens a solution from a <see cref="LoadRecord"/>, without MSBuild: each project made as MSBuildWorkspace makes it
/// from the design-time build's results (the compiler's arguments parsed with the project's folder, the documents named
/// and foldered as the build listed them), in a workspace of the caller's host.
/// </summary>
internal static class RecordedLoad
{
    /// <summary>Opens <paramref name="record"/> as a solution of <paramref name="path"/>.</summary>
    /// <param name="path">The solution or project the record was made for.</param>
    /// <param name="record">The record.</param>
    /// <param name="host">The host of the workspace to open it in.</param>
    /// <param name="cancellationToken">Cancels reading the files.</param>
    /// <param name="readTexts">False to leave the files unread (the solution is only compared with another).</param>
    /// <returns>The solution, its texts read, as <see cref="WorkspaceLoader"/> returns one; the caller disposes it.</returns>
    public static async Task<LoadedSolution> OpenAsync(SolutionPath path, LoadRecord record, HostServices host, CancellationToken cancellationToken, bool readTexts = true)
    {
        var workspace = new AdhocWorkspace(host);
        try
        {
            var infos = record.Projects.Select(project => ProjectInfo(project, workspace)).ToList();
            var solution = workspace.CurrentSolution;
            for (var index = 0; index < infos.Count; index++)
            {
                var references = record.Projects[index].ProjectReferences.Select(reference =>
                    new ProjectReference(infos[reference.Project].Id, [.. reference.Aliases], reference.EmbedInteropTypes));
                solution = solution.AddProject(infos[index].WithProjectReferences(references));
            }

            var diagnosing = record.Projects.Select((project, index) => (project, index))
                .Where(entry => entry.project.DiagnosesDocumentation)
                .Select(entry => infos[entry.index].Id)
                .ToHashSet();
            solution = WorkspaceLoader.WithDocumentationDiagnosed(solution);
            solution = readTexts ? await WorkspaceLoader.SnapshotTextsAsync(solution, cancellationToken).ConfigureAwait(false) : solution;
            return new LoadedSolution(path, workspace, solution, record.Diagnostics, diagnosing) { Outputs = new ProjectOutputs(null) };
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    // What MSBuildProjectLoader does with a project's design-time build: options from the parsed arguments, with the
    // resolvers it sets; documentation comments parsed at least; every document read from its file.
    private static ProjectInfo ProjectInfo(ProjectRecord project, Workspace workspace)
    {
        var directory = Path.GetDirectoryName(project.FilePath)!;
        var info = CommandLineProject.CreateProjectInfo(project.Name, LanguageNames.CSharp, project.CompilerArguments, directory, workspace);
        var arguments = CSharpCommandLineParser.Default.Parse(project.CompilerArguments, directory, RuntimeEnvironment.GetRuntimeDirectory());
        var options = info.CompilationOptions!
            .WithSourceReferenceResolver(new SourceFileResolver([], directory))
            .WithStrongNameProvider(new DesktopStrongNameProvider(arguments.KeyFileSearchPaths, Path.GetTempPath()));
        options = options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(
            project.OtherSeverities.Select(severity => KeyValuePair.Create(severity.Id, severity.Severity))));
        var parse = info.ParseOptions!.DocumentationMode == DocumentationMode.None
            ? info.ParseOptions.WithDocumentationMode(DocumentationMode.Parse)
            : info.ParseOptions;
        return info
            .WithFilePath(project.FilePath)
            .WithAssemblyName(project.AssemblyName)
            .WithDefaultNamespace(project.DefaultNamespace)
            .WithOutputFilePath(project.OutputFilePath)
            .WithOutputRefFilePath(project.OutputRefFilePath)
            .WithCompilationOutputInfo(info.CompilationOutputInfo.WithGeneratedFilesOutputDirectory(project.GeneratedFilesOutputDirectory))
            .WithCompilationOptions(options)
            .WithParseOptions(parse)
            .WithDocuments(Documents(info.Id, project.Documents))
            .WithAdditionalDocuments(Documents(info.Id, project.AdditionalDocuments))
            .WithAnalyzerConfigDocuments(Documents(info.Id, project.AnalyzerConfigDocuments));
    }

    private static IEnumerable<DocumentInfo> Documents(ProjectId project, IReadOnlyList<DocumentRecord> documents) =>
        documents.Select(document => DocumentInfo.Create(
            DocumentId.CreateNewId(project, document.FilePath),
            document.Name,
            document.Folders,
            SourceCodeKind.Regular,
            new FileTextLoader(document.FilePath, defaultEncoding: null),
            document.FilePath));
}
