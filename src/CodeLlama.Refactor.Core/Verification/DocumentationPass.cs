using System.Collections.Immutable;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// The compiler's documentation pass over a compilation, without binding method bodies: a metadata-only emit with an XML
/// documentation stream binds the declarations and every documentation comment (crefs, parameter names, the XML itself)
/// and reports what a build reports about them.
/// </summary>
/// <remarks>
/// A metadata-only emit stops before the documentation pass when a declaration does not compile; it then says nothing
/// about the comments, so its diagnostics count only when every error among them is a documentation diagnostic (those
/// come from the pass itself, which therefore ran to its end).
/// </remarks>
public static class DocumentationPass
{
    /// <summary>Runs the documentation pass over <paramref name="compilation"/>.</summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="cancellationToken">Cancels the pass.</param>
    /// <returns>Its documentation diagnostics, or null when the pass could not run (a declaration does not compile).</returns>
    public static ImmutableArray<Diagnostic>? Run(Compilation compilation, CancellationToken cancellationToken)
    {
        // A stream that can be read back: signing a strong-named assembly reads what was written.
        using var metadata = new MemoryStream();
        var result = compilation.Emit(
            metadata,
            xmlDocumentationStream: Stream.Null,
            options: new EmitOptions(metadataOnly: true),
            cancellationToken: cancellationToken);
        var ranToItsEnd = result.Diagnostics.All(diagnostic =>
            diagnostic.Severity != DiagnosticSeverity.Error || DocumentationDiagnosticIds.All.Contains(diagnostic.Id));
        return ranToItsEnd
            ? result.Diagnostics.Where(diagnostic => DocumentationDiagnosticIds.All.Contains(diagnostic.Id)).ToImmutableArray()
            : null;
    }
}
