using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Targets;

/// <summary>A diagnostic that a real build of <paramref name="Project"/> fails on: the target of a repair.</summary>
/// <param name="Project">The Roslyn project that reported it: one target framework of one project file.</param>
/// <param name="Diagnostic">The compiler's diagnostic, an error after the project's own severity settings.</param>
/// <param name="IsSyntax">True for a parser error, which hides its file's semantic errors from the command-line compiler.</param>
public sealed record BuildError(Project Project, Diagnostic Diagnostic, bool IsSyntax)
{
    /// <summary>The document the error is in, or null for an error without a source location.</summary>
    public Document? Document => Diagnostic.Location.SourceTree is { } tree ? Project.GetDocument(tree) : null;
}
