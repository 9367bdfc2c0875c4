using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLlama.Refactor.Targets;

/// <summary>What a compilation reads of a project besides its documents' texts.</summary>
internal static class ProjectShape
{
    /// <summary>
    /// Whether <paramref name="change"/> adds or removes no document, additional file or reference, leaves every
    /// analyzer config file as it was and keeps the compilation and parse options: what a fix's edits, written as the
    /// texts of documents, can carry to disk.
    /// </summary>
    /// <param name="change">The changes of one project between two snapshots.</param>
    /// <returns>True when the project's shape is kept.</returns>
    public static bool IsKept(ProjectChanges change) => IsKeptBut(change, addedByBuild: _ => false);

    /// <summary>
    /// Whether <paramref name="change"/> can be written as the texts of documents: its shape is kept (<see cref="IsKept"/>)
    /// but for the targeting pack's generators, which a fix run leaves out where no code names their attributes and gives
    /// back where an edit does (<see cref="IdleSdkGenerators.WithUsedOnesBack"/>): the build adds them itself.
    /// </summary>
    /// <param name="change">The changes of one project between two snapshots.</param>
    /// <returns>True when the edits can be written as file texts.</returns>
    public static bool CanBeWrittenAsTexts(ProjectChanges change) => IsKeptBut(change, IdleSdkGenerators.IsSdkGenerator);

    private static bool IsKeptBut(ProjectChanges change, Func<AnalyzerReference, bool> addedByBuild) =>
        !change.GetAddedDocuments().Any() && !change.GetRemovedDocuments().Any()
        && !change.GetAddedAdditionalDocuments().Any() && !change.GetRemovedAdditionalDocuments().Any()
        && !change.GetAddedAnalyzerConfigDocuments().Any() && !change.GetRemovedAnalyzerConfigDocuments().Any() && !change.GetChangedAnalyzerConfigDocuments().Any()
        && !change.GetAddedMetadataReferences().Any() && !change.GetRemovedMetadataReferences().Any()
        && !change.GetAddedProjectReferences().Any() && !change.GetRemovedProjectReferences().Any()
        && change.GetAddedAnalyzerReferences().All(addedByBuild) && !change.GetRemovedAnalyzerReferences().Any()
        && Equals(change.OldProject.CompilationOptions, change.NewProject.CompilationOptions)
        && Equals(change.OldProject.ParseOptions, change.NewProject.ParseOptions);

    /// <summary>
    /// Whether only the texts of documents may differ: the shape kept (<see cref="IsKept"/>), no additional file's text
    /// changed and the same assembly name.
    /// </summary>
    /// <param name="change">The changes of one project between two snapshots.</param>
    /// <returns>True when only the texts of documents may differ.</returns>
    public static bool OnlyDocumentTextsDiffer(ProjectChanges change) =>
        IsKept(change)
        && !change.GetChangedAdditionalDocuments().Any()
        && change.OldProject.AssemblyName == change.NewProject.AssemblyName;
}
