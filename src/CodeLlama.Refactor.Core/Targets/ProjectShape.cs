using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>What a compilation reads of a project besides its documents' texts.</summary>
internal static class ProjectShape
{
    /// <summary>
    /// Whether <paramref name="change"/> leaves everything but the documents' texts as it was: no document added or
    /// removed, no additional or analyzer config file changed, the same references, options and assembly name.
    /// </summary>
    /// <param name="change">The changes of one project between two snapshots.</param>
    /// <returns>True when only the texts of documents may differ.</returns>
    public static bool IsKept(ProjectChanges change) =>
        !change.GetAddedDocuments().Any() && !change.GetRemovedDocuments().Any()
        && !change.GetAddedAdditionalDocuments().Any() && !change.GetRemovedAdditionalDocuments().Any() && !change.GetChangedAdditionalDocuments().Any()
        && !change.GetAddedAnalyzerConfigDocuments().Any() && !change.GetRemovedAnalyzerConfigDocuments().Any() && !change.GetChangedAnalyzerConfigDocuments().Any()
        && !change.GetAddedMetadataReferences().Any() && !change.GetRemovedMetadataReferences().Any()
        && !change.GetAddedProjectReferences().Any() && !change.GetRemovedProjectReferences().Any()
        && !change.GetAddedAnalyzerReferences().Any() && !change.GetRemovedAnalyzerReferences().Any()
        && Equals(change.OldProject.CompilationOptions, change.NewProject.CompilationOptions)
        && Equals(change.OldProject.ParseOptions, change.NewProject.ParseOptions)
        && change.OldProject.AssemblyName == change.NewProject.AssemblyName;
}
