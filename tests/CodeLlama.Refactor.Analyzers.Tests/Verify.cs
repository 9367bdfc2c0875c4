using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CodeLlama.Refactor.Analyzers.Tests;

/// <summary>
/// Microsoft.CodeAnalysis.Testing verifiers compiling against this runtime's own assemblies, so no reference pack has
/// to be downloaded.
/// </summary>
internal static class Verify
{
    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CodeFix<TAnalyzer, TCodeFix>(string source, string fixedSource)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };

        // As in a project without GenerateDocumentationFile, where CLRF0001 matters: comments are parsed, and the
        // compiler's own CS1591 (which the fixes also handle) is not reported.
        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, solution.GetProject(projectId)!.ParseOptions!.WithDocumentationMode(DocumentationMode.Parse)));
        test.TestState.AdditionalReferences.AddRange(RuntimeReferences.Value);
        test.FixedState.AdditionalReferences.AddRange(RuntimeReferences.Value);
        return test;
    }

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Analyzer<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(RuntimeReferences.Value);
        return test;
    }

    private static readonly Lazy<MetadataReference[]> RuntimeReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());
}
