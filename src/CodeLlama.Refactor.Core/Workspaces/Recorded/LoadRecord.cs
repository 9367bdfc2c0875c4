using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// A solution as MSBuild last loaded it: for every C# project, what its compilation was made of (the compiler's
/// arguments, the documents, the project references) and the files whose change would change that. Enough to open the
/// solution again without MSBuild; never trusted alone (<see cref="LoadEquivalence"/>).
/// </summary>
/// <param name="Format">The layout of the record; a record of another layout is not read.</param>
/// <param name="Projects">The projects, in the solution's order.</param>
/// <param name="Diagnostics">What loading reported (warnings only: a load that failed is never recorded).</param>
/// <param name="Stamps">The project files and their restore results, as they were when loaded.</param>
internal sealed record LoadRecord(
    int Format,
    IReadOnlyList<ProjectRecord> Projects,
    IReadOnlyList<LoadDiagnostic> Diagnostics,
    IReadOnlyList<FileStamp> Stamps)
{
    /// <summary>The layout this build writes and reads.</summary>
    public const int CurrentFormat = 2;
}

/// <summary>One project as loaded.</summary>
/// <param name="Name">The workspace's name for it (with the target framework when the project has several).</param>
/// <param name="FilePath">The project file.</param>
/// <param name="AssemblyName">The assembly's name.</param>
/// <param name="DefaultNamespace">The root namespace.</param>
/// <param name="OutputFilePath">The assembly the build writes to <c>bin/</c>.</param>
/// <param name="OutputRefFilePath">The reference assembly the build writes.</param>
/// <param name="GeneratedFilesOutputDirectory">Where generated sources are written, when the project asks for them.</param>
/// <param name="CompilerArguments">
/// The compiler's arguments for the options, metadata references and analyzers (sources and additional files are
/// <paramref name="Documents"/> and the lists after it).
/// </param>
/// <param name="Documents">The source documents.</param>
/// <param name="AdditionalDocuments">The additional files.</param>
/// <param name="AnalyzerConfigDocuments">The .editorconfig and global config files.</param>
/// <param name="ProjectReferences">The projects it references.</param>
/// <param name="DiagnosesDocumentation">Whether its own build reports documentation diagnostics.</param>
/// <param name="SourceListing">A hash of the .cs files under its folder (the SDK's default glob), to see one added or removed.</param>
/// <param name="OtherSeverities">The diagnostics' severities no compiler switch says (a ruleset's warnings, say).</param>
internal sealed record ProjectRecord(
    string Name,
    string FilePath,
    string AssemblyName,
    string? DefaultNamespace,
    string? OutputFilePath,
    string? OutputRefFilePath,
    string? GeneratedFilesOutputDirectory,
    IReadOnlyList<string> CompilerArguments,
    IReadOnlyList<DocumentRecord> Documents,
    IReadOnlyList<DocumentRecord> AdditionalDocuments,
    IReadOnlyList<DocumentRecord> AnalyzerConfigDocuments,
    IReadOnlyList<ProjectReferenceRecord> ProjectReferences,
    bool DiagnosesDocumentation,
    string SourceListing,
    IReadOnlyList<SeverityRecord> OtherSeverities);

/// <summary>A diagnostic's severity in a project's options.</summary>
/// <param name="Id">The diagnostic's id.</param>
/// <param name="Severity">Its severity.</param>
internal sealed record SeverityRecord(string Id, ReportDiagnostic Severity);

/// <summary>A document of a project.</summary>
/// <param name="FilePath">The file.</param>
/// <param name="Name">Its name in the project.</param>
/// <param name="Folders">Its folders in the project.</param>
internal sealed record DocumentRecord(string FilePath, string Name, IReadOnlyList<string> Folders);

/// <summary>A reference to another project of the record.</summary>
/// <param name="Project">The referenced project's index in <see cref="LoadRecord.Projects"/>.</param>
/// <param name="Aliases">The reference's extern aliases.</param>
/// <param name="EmbedInteropTypes">Whether interop types are embedded.</param>
internal sealed record ProjectReferenceRecord(int Project, IReadOnlyList<string> Aliases, bool EmbedInteropTypes);

/// <summary>A file as it was: a change of its length or time says it was written since.</summary>
/// <param name="Path">The file.</param>
/// <param name="Length">Its length; -1 when it did not exist.</param>
/// <param name="LastWriteUtcTicks">When it was last written.</param>
internal sealed record FileStamp(string Path, long Length, long LastWriteUtcTicks)
{
    /// <summary>The stamp of <paramref name="path"/> now.</summary>
    /// <param name="path">A file.</param>
    /// <returns>Its stamp.</returns>
    public static FileStamp Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(path, file.Length, file.LastWriteTimeUtc.Ticks) : new FileStamp(path, -1, 0);
    }
}
