using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// Makes the <see cref="LoadRecord"/> of a solution MSBuild loaded, and keeps it only when opening it again gives an
/// equivalent solution (<see cref="LoadEquivalence"/>): whatever the record cannot say shows there, and such a
/// solution is not recorded.
/// </summary>
internal static class LoadRecorder
{
    /// <summary>The record of <paramref name="loaded"/>, or null when it cannot be recorded faithfully.</summary>
    /// <param name="loaded">A solution loaded through MSBuild into the projects' own folders.</param>
    /// <param name="cancellationToken">Cancels reading the files.</param>
    /// <returns>The record, or null.</returns>
    public static async Task<LoadRecord?> RecordAsync(LoadedSolution loaded, CancellationToken cancellationToken)
    {
        var projects = loaded.Solution.Projects.ToList();
        if (loaded.BuildOutputs is not null || projects.Any(project => project.Language != LanguageNames.CSharp || project.FilePath is null))
        {
            return null;
        }

        // /debug+ sets a part of the options that cannot be read: MSBuild passes it wherever debug symbols are on.
        foreach (var debugPlus in new[] { true, false })
        {
            if (Record(loaded, projects, debugPlus) is not { } record)
            {
                return null;
            }

            // The texts are not compared: the run that loaded the solution may have written some since. The workspace is
            // one of the services the load itself composed.
            using var opened = await RecordedLoad.OpenAsync(loaded.Path, record, CompilerHost.MSBuildServices, cancellationToken, readTexts: false).ConfigureAwait(false);
            if (await LoadEquivalence.DifferenceAsync(loaded, opened, cancellationToken, compareTexts: false).ConfigureAwait(false) is null)
            {
                return record;
            }
        }

        return null;
    }

    private static LoadRecord? Record(LoadedSolution loaded, IReadOnlyList<Project> projects, bool debugPlus)
    {
        var indexes = projects.Select((project, index) => (project.Id, index)).ToDictionary();
        var records = new List<ProjectRecord>();
        foreach (var project in projects)
        {
            var diagnoses = loaded.ProjectsDiagnosingDocumentation.Contains(project.Id);
            if (CompilerArguments.For(project, diagnoses, debugPlus) is not { } arguments
                || Documents(project.Documents) is not { } documents
                || Documents(project.AdditionalDocuments) is not { } additional
                || Documents(project.AnalyzerConfigDocuments) is not { } configs
                || project.ProjectReferences.Any(reference => !indexes.ContainsKey(reference.ProjectId)))
            {
                return null;
            }

            records.Add(new ProjectRecord(
                project.Name,
                project.FilePath!,
                project.AssemblyName,
                project.DefaultNamespace,
                project.OutputFilePath,
                project.OutputRefFilePath,
                project.CompilationOutputInfo.GeneratedFilesOutputDirectory,
                arguments,
                documents,
                additional,
                configs,
                [.. project.ProjectReferences.Select(reference => new ProjectReferenceRecord(indexes[reference.ProjectId], [.. reference.Aliases], reference.EmbedInteropTypes))],
                diagnoses,
                LoadStamps.SourceListing(project.FilePath!),
                CompilerArguments.OtherSeverities(project)));
        }

        return new LoadRecord(LoadRecord.CurrentFormat, records, loaded.Diagnostics, LoadStamps.Of(loaded.Path, projects.Select(project => project.FilePath!)));
    }

    private static List<DocumentRecord>? Documents(IEnumerable<TextDocument> documents)
    {
        var records = new List<DocumentRecord>();
        foreach (var document in documents)
        {
            if (document.FilePath is not { } path)
            {
                return null;
            }

            records.Add(new DocumentRecord(path, document.Name, [.. document.Folders]));
        }

        return records;
    }
}
