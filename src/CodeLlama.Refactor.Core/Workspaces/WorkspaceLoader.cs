using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>Opens a solution or project through MSBuild, the way the IDE does.</summary>
public static class WorkspaceLoader
{
    // Where NuGet writes a project's restore result unless the project moves its intermediate folder.
    private static readonly string AssetsFile = Path.Combine("obj", "project.assets.json");

    /// <summary>
    /// Loads <paramref name="path"/>: restores it first when a project was never restored, reports load progress, and
    /// turns documentation comments on (diagnose mode) for every C# project so that documentation can be checked.
    /// </summary>
    /// <param name="path">The solution or project to open.</param>
    /// <param name="hostServices">The MEF host to create the workspace with; null for the default one (code fixes need <see cref="FeatureHost.Services"/>).</param>
    /// <param name="progress">Receives one report per project loaded.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <returns>The loaded solution; the caller disposes it.</returns>
    /// <exception cref="InputException">A project could not be loaded, or the solution holds no C# project.</exception>
    /// <exception cref="EnvironmentException">MSBuild could not be found.</exception>
    public static Task<LoadedSolution> LoadAsync(
        SolutionPath path,
        HostServices? hostServices = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        LoadAsync(path, LoadOptions.Default, hostServices, progress, cancellationToken);

    /// <summary>
    /// Loads <paramref name="path"/> as <paramref name="options"/> say: restoring or not, writing under the projects'
    /// folders or not. What loading reports about projects that still compiled (restore warnings such as NU1603) is
    /// kept as warnings; a project that could not be evaluated or compiled refuses the load.
    /// </summary>
    /// <param name="path">The solution or project to open.</param>
    /// <param name="options">Whether to restore, and whether the tree must stay unchanged (a dry run).</param>
    /// <param name="hostServices">The MEF host to create the workspace with; null for the default one (code fixes need <see cref="FeatureHost.Services"/>).</param>
    /// <param name="progress">Receives one report per project loaded.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <returns>The loaded solution; the caller disposes it.</returns>
    /// <exception cref="InputException">A project could not be loaded, or the solution holds no C# project.</exception>
    /// <exception cref="EnvironmentException">MSBuild could not be found.</exception>
    public static Task<LoadedSolution> LoadAsync(
        SolutionPath path,
        LoadOptions options,
        HostServices? hostServices = null,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        LoadAsync(path, options, () => hostServices ?? MefHostServices.DefaultHost, progress, cancellationToken);

    /// <summary>
    /// Loads <paramref name="path"/> as <paramref name="options"/> say, asking for the workspace's host only once MSBuild
    /// has evaluated the projects: composing a host (the IDE's features take about half a second) can go on meanwhile.
    /// </summary>
    /// <param name="path">The solution or project to open.</param>
    /// <param name="options">Whether to restore, and whether the tree must stay unchanged (a dry run).</param>
    /// <param name="hostOnceLoaded">The MEF host to create the solution's workspace with, asked for after the projects are evaluated.</param>
    /// <param name="progress">Receives one report per project loaded.</param>
    /// <param name="cancellationToken">Cancels loading.</param>
    /// <returns>The loaded solution; the caller disposes it.</returns>
    /// <exception cref="InputException">A project could not be loaded, or the solution holds no C# project.</exception>
    /// <exception cref="EnvironmentException">MSBuild could not be found.</exception>
    public static async Task<LoadedSolution> LoadAsync(
        SolutionPath path,
        LoadOptions options,
        Func<HostServices> hostOnceLoaded,
        IProgress<WorkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hostOnceLoaded);
        MSBuildRegistration.EnsureRegistered();
        var scratch = options.LeaveTreeUnchanged ? ScratchBuildOutputs.Create() : null;
        try
        {
            var properties = WithUserProperties(scratch?.Properties(restoreHere: false) ?? new Dictionary<string, string>(), options);
            var loaded = await OpenAsync(path, properties, hostOnceLoaded, progress, cancellationToken).ConfigureAwait(false);
            if (options.Restore == RestoreMode.Auto && NeedsRestore(loaded))
            {
                loaded.Dispose();
                // A dry run restores into the scratch folder, and loads every project from that restore, so that the
                // user's obj/ is neither written nor mixed with it.
                properties = scratch is null ? properties : WithUserProperties(scratch.Properties(restoreHere: true), options);
                progress?.Report(new WorkProgress("Restoring", 0, 0, Path.GetFileName(path.FullPath)));
                await DotnetRestore.RunAsync(path.FullPath, properties, cancellationToken).ConfigureAwait(false);
                loaded = await OpenAsync(path, properties, hostOnceLoaded, progress, cancellationToken).ConfigureAwait(false);
            }

            loaded = Usable(loaded, options);
            if (options.Restore == RestoreMode.Never && NeedsRestore(loaded))
            {
                // Loaded as it is, as asked; the design-time build does not say that packages are missing, so say it here.
                loaded = loaded with
                {
                    Diagnostics = [.. loaded.Diagnostics, new LoadDiagnostic(false, NotRestoredWarning(loaded))],
                };
            }

            return loaded with
            {
                Solution = await SnapshotTextsAsync(loaded.Solution, cancellationToken).ConfigureAwait(false),
                BuildOutputs = scratch,
                Outputs = new ProjectOutputs(scratch?.Folder),
            };
        }
        catch
        {
            scratch?.Dispose();
            throw;
        }
    }

    // The user's -p:Name=Value come on top of what the loader sets, as on a dotnet build command line.
    private static IReadOnlyDictionary<string, string> WithUserProperties(IReadOnlyDictionary<string, string> properties, LoadOptions options)
    {
        if (options.Properties is not { Count: > 0 } user)
        {
            return properties;
        }

        var merged = properties.ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in user)
        {
            merged[name] = value;
        }

        return merged;
    }

    // Roslyn reads a file the first time its text is asked for. Reading every file now makes the loaded solution the
    // snapshot that edits are checked against: a file the user changes afterwards is seen as a conflict, not as the
    // text the tool started from. An additional or analyzer config file that does not exist (an AdditionalFiles item
    // naming a folder the build never made, say) is given an empty text: Roslyn's loader would retry reading it for
    // about two seconds each time something asks for its project's version, as the IDE's completion does (it held up
    // the spelling fix on such a project), and no text can come from it anyway.
    internal static async Task<Solution> SnapshotTextsAsync(Solution solution, CancellationToken cancellationToken)
    {
        static bool Missing(TextDocument document) => document.FilePath is { } path && !File.Exists(path);
        foreach (var project in solution.Projects)
        {
            foreach (var document in project.AdditionalDocuments.Where(Missing))
            {
                solution = solution.WithAdditionalDocumentText(document.Id, SourceText.From(string.Empty), PreservationMode.PreserveIdentity);
            }

            foreach (var document in project.AnalyzerConfigDocuments.Where(Missing))
            {
                solution = solution.WithAnalyzerConfigDocumentText(document.Id, SourceText.From(string.Empty), PreservationMode.PreserveIdentity);
            }
        }

        await Task.WhenAll(solution.Projects
            .SelectMany(project => project.Documents.Concat(project.AdditionalDocuments).Concat(project.AnalyzerConfigDocuments))
            .Select(document => document.GetTextAsync(cancellationToken))).ConfigureAwait(false);
        return solution;
    }

    // A design-time build of a project that was never restored still loads, but without its package references:
    // every use of a package would be reported as an error.
    private static bool NeedsRestore(LoadedSolution loaded) =>
        loaded.Diagnostics.Any(diagnostic => diagnostic.Message.Contains(LoadFailures.AssetsFileMissing, StringComparison.Ordinal))
        || loaded.Projects.Any(project => project.FilePath is { } file
            && !File.Exists(Path.Combine(Path.GetDirectoryName(file)!, AssetsFile)));

    private static string NotRestoredWarning(LoadedSolution loaded)
    {
        var projects = loaded.Projects
            .Where(project => project.FilePath is { } file && !File.Exists(Path.Combine(Path.GetDirectoryName(file)!, AssetsFile)))
            .Select(project => loaded.RelativePath(project.FilePath!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return $"{string.Join(", ", projects)}: no {AssetsFile.Replace('\\', '/')} (never restored?) and --no-restore was given: "
            + "package references are missing, and errors about their types may come from that. Run `dotnet restore` first.";
    }

    // MSBuild's build host evaluates the projects (in another process) for a workspace of the compiler's services alone,
    // which report what loading found; the solution then lives in a workspace of the caller's host, made only once the
    // projects are evaluated. MSBuildWorkspace does the same two steps in one workspace, whose host must exist first.
    private static async Task<LoadedSolution> OpenAsync(
        SolutionPath path,
        IReadOnlyDictionary<string, string> properties,
        Func<HostServices> hostOnceLoaded,
        IProgress<WorkProgress>? progress,
        CancellationToken cancellationToken)
    {
        var loading = new AdhocWorkspace(CompilerHost.MSBuildServices);
        var diagnostics = new List<LoadDiagnostic>();
        using var subscription = loading.RegisterWorkspaceFailedHandler(args =>
        {
            lock (diagnostics)
            {
                diagnostics.Add(new LoadDiagnostic(args.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure, args.Diagnostic.Message));
            }
        });

        Workspace? workspace = null;
        try
        {
            var loadProgress = new ProjectLoadCounter(progress, progress is null ? 0 : await SolutionProjectCount.OfAsync(path, cancellationToken).ConfigureAwait(false));
            var loader = new MSBuildProjectLoader(loading, properties.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase));
            var info = path.Kind == SolutionPathKind.Project
                ? SolutionInfo.Create(
                    SolutionId.CreateNewId(), VersionStamp.Create(), filePath: null,
                    await loader.LoadProjectInfoAsync(path.FullPath, progress: loadProgress, cancellationToken: cancellationToken).ConfigureAwait(false))
                : await loader.LoadSolutionInfoAsync(path.FullPath, loadProgress, cancellationToken: cancellationToken).ConfigureAwait(false);
            var adhoc = new AdhocWorkspace(hostOnceLoaded());
            workspace = adhoc;
            var solution = adhoc.AddSolution(info);
            var diagnosingDocumentation = solution.Projects
                .Where(project => project.ParseOptions?.DocumentationMode == DocumentationMode.Diagnose)
                .Select(project => project.Id)
                .ToHashSet();
            return new LoadedSolution(path, adhoc, WithDocumentationDiagnosed(solution), diagnostics, diagnosingDocumentation) { Loader = loading };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever MSBuild or the solution reader throws here is about the file the user named.
            workspace?.Dispose();
            loading.Dispose();
            throw new InputException($"Could not open {path.FullPath}: {exception.Message}", exception);
        }
        catch
        {
            workspace?.Dispose();
            loading.Dispose();
            throw;
        }
    }

    private static LoadedSolution Usable(LoadedSolution loaded, LoadOptions options)
    {
        var (warnings, fatal) = LoadFailures.Classify(loaded.Solution, loaded.Diagnostics);
        if (fatal.Count > 0)
        {
            loaded.Dispose();
            var more = fatal.Count > 1 ? $" (and {fatal.Count - 1} more load failures)" : "";
            var hint = options.Restore == RestoreMode.Never && fatal.Any(diagnostic => diagnostic.Message.Contains(LoadFailures.AssetsFileMissing, StringComparison.Ordinal))
                ? " The project was never restored: run `dotnet restore` first, or leave out --no-restore."
                : "";
            throw new InputException($"A project could not be loaded: {fatal[0].Message}{more}{hint}");
        }

        if (!loaded.Projects.Any())
        {
            loaded.Dispose();
            throw new InputException($"No C# project could be loaded from {loaded.Path.FullPath}.");
        }

        return loaded with { Diagnostics = warnings };
    }

    // The compiler binds documentation comments only in diagnose mode; projects without GenerateDocumentationFile
    // load without it, and their comments would be invisible to the documentation checks.
    internal static Solution WithDocumentationDiagnosed(Solution solution)
    {
        foreach (var project in solution.Projects)
        {
            if (project.ParseOptions is CSharpParseOptions options && options.DocumentationMode != DocumentationMode.Diagnose)
            {
                solution = solution.WithProjectParseOptions(project.Id, options.WithDocumentationMode(DocumentationMode.Diagnose));
            }
        }

        return solution;
    }

    // Projects referenced from outside the solution load too: the total grows to what was loaded rather than lag behind.
    private sealed class ProjectLoadCounter(IProgress<WorkProgress>? progress, int total) : IProgress<ProjectLoadProgress>
    {
        private int loaded;

        public void Report(ProjectLoadProgress value)
        {
            if (value.Operation == ProjectLoadOperation.Resolve)
            {
                var done = Interlocked.Increment(ref loaded);
                progress?.Report(new WorkProgress("Loading", done, total == 0 ? 0 : Math.Max(total, done), Path.GetFileNameWithoutExtension(value.FilePath)));
            }
        }
    }
}
