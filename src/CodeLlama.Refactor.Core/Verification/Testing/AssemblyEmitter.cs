using System.Runtime.CompilerServices;
using System.Text;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// Writes a project's in-memory compilation over its build output, as the build would have: deterministic (the
/// project's own options), with the build's manifest resources and its kind of debug information.
/// </summary>
internal static class AssemblyEmitter
{
    // The reference assembly of each compilation emitted so far: it declares only what the compilation declares, the
    // same wherever the assembly was written and whatever its documentation diagnostics.
    private static readonly ConditionalWeakTable<Compilation, byte[]> References = [];

    /// <summary>Emits <paramref name="compilation"/>; with the first error instead when it does not emit.</summary>
    /// <param name="compilation">The project's compilation.</param>
    /// <param name="built">What the project's build wrote.</param>
    /// <param name="documentationBuilt">Whether the project's own build reports documentation diagnostics.</param>
    /// <param name="cancellationToken">Cancels the emit.</param>
    public static (EmittedAssembly? Emitted, string? Error) Emit(Compilation compilation, BuiltAssembly built, bool documentationBuilt, CancellationToken cancellationToken)
    {
        var (emitted, error) = EmitNow(compilation, built, documentationBuilt, cancellationToken);
        if (emitted is not null)
        {
            References.AddOrUpdate(compilation, emitted.Reference);
        }

        return (emitted, error);
    }

    /// <summary>The reference assembly an earlier <see cref="Emit"/> of <paramref name="compilation"/> wrote, or null.</summary>
    /// <param name="compilation">A compilation.</param>
    /// <returns>Its reference assembly, as <c>-refout</c> writes it.</returns>
    public static byte[]? EmittedReference(Compilation compilation) => References.TryGetValue(compilation, out var reference) ? reference : null;

    private static (EmittedAssembly? Emitted, string? Error) EmitNow(Compilation compilation, BuiltAssembly built, bool documentationBuilt, CancellationToken cancellationToken)
    {
        compilation = WithEncodings(documentationBuilt ? compilation : WithoutDocumentationDiagnostics(compilation));
        using var pe = new MemoryStream();
        using var pdb = built.DebugFormat == DebugInformationFormat.PortablePdb ? new MemoryStream() : null;
        using var reference = new MemoryStream();
        // The reference assembly is written in the same pass, as csc's -refout writes it beside the full one: what
        // projects that reference this one compare their last build against (WarmEmit).
        var options = new EmitOptions(
            debugInformationFormat: built.DebugFormat ?? DebugInformationFormat.PortablePdb,
            pdbFilePath: built.PdbPath ?? Path.ChangeExtension(built.Path, ".pdb"),
            highEntropyVirtualAddressSpace: built.HighEntropyVirtualAddressSpace,
            includePrivateMembers: false);
        // csc writes a version resource from the assembly's attributes; Emit only when asked to.
        using var win32 = compilation.CreateDefaultWin32Resources(versionResource: true, noManifest: true, manifestContents: null, iconInIcoFormat: null);
        var result = compilation.Emit(
            pe,
            pdb,
            win32Resources: win32,
            manifestResources: built.Resources,
            options: options,
            metadataPEStream: reference,
            cancellationToken: cancellationToken);
        return result.Success
            ? (new EmittedAssembly(pe.ToArray(), pdb?.ToArray(), reference.ToArray()), null)
            : (null, result.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)?.ToString() ?? "it does not emit");
    }

    /// <summary>Whether the project <paramref name="id"/> reports documentation diagnostics in its own build; all do when unknown.</summary>
    public static bool BuildsDocumentation(IReadOnlySet<ProjectId>? documentationBuilt, ProjectId id) => documentationBuilt?.Contains(id) ?? true;

    // The workspace binds every project's documentation comments (WorkspaceLoader); the build of a project that generates
    // no documentation file does not, so a missing comment there is no warning, and no error under TreatWarningsAsErrors.
    private static Compilation WithoutDocumentationDiagnostics(Compilation compilation) => compilation.WithOptions(
        compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(
            DocumentationDiagnosticIds.All.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress)))));

    // A PDB records each source file's checksum, which needs the text's encoding; a text made from a string has none,
    // and the compiler would have read the file as UTF-8.
    private static Compilation WithEncodings(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.Encoding is null)
            {
                var text = tree.GetText();
                compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.ToString(), Encoding.UTF8)));
            }
        }

        return compilation;
    }

    /// <summary>Writes <paramref name="emitted"/> to <paramref name="assemblyPath"/>, and its PDB beside it when the build keeps one.</summary>
    public static void Write(EmittedAssembly emitted, string assemblyPath)
    {
        File.WriteAllBytes(assemblyPath, emitted.Pe);
        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        if (emitted.Pdb is not null && File.Exists(pdbPath))
        {
            File.WriteAllBytes(pdbPath, emitted.Pdb);
        }
    }
}

/// <summary>An assembly emitted in memory, its portable PDB when it has one beside it, and its reference assembly.</summary>
internal sealed record EmittedAssembly(byte[] Pe, byte[]? Pdb, byte[] Reference);
