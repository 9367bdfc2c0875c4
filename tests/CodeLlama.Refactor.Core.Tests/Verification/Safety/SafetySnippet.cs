using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification.Safety;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification.Safety;

/// <summary>A one-file project before an edit and the candidate after it, judged by a real <see cref="SafetyGate"/>.</summary>
internal static class SafetySnippet
{
    public const string Usings = """
        using System;
        using System.IO;
        using System.Security.Cryptography;

        """;

    // Registry lives outside the System.* assemblies the snippet project references.
    private static readonly MetadataReference Registry = MetadataReference.CreateFromFile(
        Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "Microsoft.Win32.Registry.dll"));

    /// <summary>A class whose method <c>Twice</c> runs <paramref name="statements"/> first.</summary>
    public static string Method(string statements) => Usings + $$"""
        public static class Sizes
        {
            public static int Twice(string value)
            {
                {{statements}}
                return value.Length * 2;
            }

            public static void Other(string value)
            {
            }
        }
        """;

    // Trusted by default: the capability scan and the security rules judge every candidate; untrusted ones pass the allow-list too.
    public static Task<SafetyVerdict> JudgeAsync(
        string before, string after, IReadOnlyCollection<Capability>? allowed = null, string? editorConfig = null, CandidateTrust trust = CandidateTrust.Trusted) =>
        JudgeAsync(before, after, new SafetyGate(allowed ?? []), editorConfig, trust);

    public static async Task<SafetyVerdict> JudgeAsync(string before, string after, SafetyGate gate, string? editorConfig = null, CandidateTrust trust = CandidateTrust.Trusted)
    {
        var project = InMemoryProject.Create(before).AddMetadataReference(Registry);
        if (editorConfig is not null)
        {
            project = project.AddAnalyzerConfigDocument(
                ".editorconfig", SourceText.From(editorConfig), filePath: Path.Combine(Path.GetDirectoryName(project.FilePath)!, ".editorconfig")).Project;
        }

        var document = project.Documents.Single();
        var candidate = new Candidate("test", "edit", document.WithText(SourceText.From(after)).Project.Solution, 0) { Trust = trust };
        return await gate.VerifyAsync(project.Solution, candidate, CancellationToken.None);
    }

    /// <summary>The capability uses the scanner finds in <paramref name="source"/>.</summary>
    public static async Task<IReadOnlyList<CapabilityUse>> ScanAsync(string source)
    {
        var document = InMemoryProject.Create(source).AddMetadataReference(Registry).Documents.Single();
        return (await CapabilityComparison.ScanAsync(document, CancellationToken.None)).Uses;
    }

}
