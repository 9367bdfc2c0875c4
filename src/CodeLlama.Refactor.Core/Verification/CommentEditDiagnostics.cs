using System.Collections.Immutable;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// What a build reports for a compilation whose files differ from a diagnosed one only in their comments, without
/// binding its method bodies again: a comment changes no code, so every diagnostic but the documentation ones is the one
/// the unedited compilation had, and the documentation ones come from the edited compilation's documentation pass.
/// </summary>
/// <remarks>
/// A diagnostic the unedited compilation placed in an edited file would be placed in the old text, so where the build
/// reports one there (a warning or an error), or where the documentation pass could not run, the edited compilation is
/// diagnosed in full instead.
/// </remarks>
public static class CommentEditDiagnostics
{
    /// <summary>The diagnostics of <paramref name="edited"/>, as a build reports them.</summary>
    /// <param name="unedited">The compilation as loaded and all its diagnostics.</param>
    /// <param name="edited">The compilation with comment-only edits: its unedited files are the same trees.</param>
    /// <param name="documentation">The documentation pass over <paramref name="edited"/>, or null where it could not run.</param>
    /// <param name="cancellationToken">Cancels a full diagnosis.</param>
    /// <returns>The diagnostics.</returns>
    public static ImmutableArray<Diagnostic> Of(
        (Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics) unedited,
        Compilation edited,
        ImmutableArray<Diagnostic>? documentation,
        CancellationToken cancellationToken)
    {
        var editedTrees = edited.SyntaxTrees.ToHashSet();
        var kept = unedited.Diagnostics.Where(diagnostic => !DocumentationDiagnosticIds.All.Contains(diagnostic.Id)).ToList();
        bool InAnEditedFile(Diagnostic diagnostic) =>
            diagnostic.Location.SourceTree is { } tree && !editedTrees.Contains(tree);
        if (documentation is not { } fromThePass
            || kept.Any(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning && InAnEditedFile(diagnostic)))
        {
            return edited.GetDiagnostics(cancellationToken);
        }

        return [.. kept.Where(diagnostic => !InAnEditedFile(diagnostic)), .. fromThePass];
    }
}
